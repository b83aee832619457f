package io.hallwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** What a result needs to say about where it was measured: the machine, and how busy it was. */
final class Machine {
    private Machine() {
    }

    /** The cores this process may run on, and of how many where it was pinned to fewer (bench/scale --cpus). */
    static String describe() {
        int mine = Runtime.getRuntime().availableProcessors();
        int all = onlineCores();
        String cores = all > mine ? mine + " of the machine's " + all + " cores (pinned)" : mine + " cores";
        return cores + ", " + cpu() + ", Java " + System.getProperty("java.version");
    }

    /** The machine's online CPUs ("0-1,4" in /sys), whatever this process's affinity; 0 where unknown. */
    static int onlineCores() {
        try {
            return cpuCount(Files.readString(Path.of("/sys/devices/system/cpu/online")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static int cpuCount(String list) {
        int n = 0;
        for (String range : list.trim().split(",")) {
            String[] ends = range.split("-");
            n += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return n;
    }

    static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.replaceAll(".*:\\s*", "")).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Instant.now() + " load average " + f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return Instant.now() + " load average unknown";
        }
    }

    /** CPU seconds a process has used so far (user + system), from /proc; -1 where unknown. */
    static double cpuSeconds(long pid) {
        try {
            return cpuSecondsOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User + system CPU seconds from a {@code /proc/<pid>/stat} line. */
    private static double cpuSecondsOf(String stat) {
        return cpuSecondsOf(statFields(stat));
    }

    /** User + system CPU seconds from {@link #statFields}: fields 14 and 15 of stat (utime, stime). */
    private static double cpuSecondsOf(String[] f) {
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /**
     * A {@code /proc/<pid>/stat} line's fields after the command name (which may hold spaces): [0] is field 3 (the
     * state), [1] field 4 (the parent), [11] and [12] utime and stime, [13] and [14] cutime and cstime.
     */
    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * CPU seconds used so far by the processes named {@code command} (as {@code ps -C} matches
     * them, e.g. every PostgreSQL process); -1 if there is none on this machine. The children a
     * root process of them has reaped count too (a PostgreSQL connection that closed, an
     * autovacuum worker that finished: the postmaster's {@code cutime} and {@code cstime}), so that
     * a process exiting does not take its share out of a window.
     */
    static double cpuSecondsOfCommand(String command) {
        Map<String, Double> byRole = cpuSecondsByRole(command, cmdline -> "all");
        return byRole.isEmpty() ? -1 : byRole.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * {@link #cpuSecondsOfCommand} by what each process is, as {@code role} names it from its command line (a
     * PostgreSQL process's title, "postgres: 15/main: autovacuum worker bench_sla"), and the reaped children's share
     * under "exited". Empty if there is no such process.
     */
    static Map<String, Double> cpuSecondsByRole(String command, java.util.function.Function<String, String> role) {
        Map<Long, String> stats = new java.util.HashMap<>();
        try (var pids = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) pids.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))::iterator) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    if (commandOf(stat).equals(command)) {
                        stats.put(Long.parseLong(dir.getFileName().toString()), stat);
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Double> byRole = new java.util.TreeMap<>();
        for (Map.Entry<Long, String> p : stats.entrySet()) {
            String stat = p.getValue();
            String[] f = statFields(stat);
            String cmdline;
            try {
                cmdline = Files.readString(Path.of("/proc/" + p.getKey() + "/cmdline")).replace('\0', ' ').trim();
            } catch (IOException e) {
                cmdline = "";
            }
            byRole.merge(role.apply(cmdline), cpuSecondsOf(f), Double::sum);
            // A process whose parent is not one of them is a root: its cutime and cstime are the children it has waited for.
            if (!stats.containsKey(Long.parseLong(f[1]))) {
                byRole.merge("exited", (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0, Double::sum);
            }
        }
        return byRole;
    }

    /**
     * What a PostgreSQL process is, from its title: "backends <database>" for a connection, "autovacuum", "writers"
     * (checkpointer, background writer, WAL writer), "postmaster", or the title's own words for the rest.
     */
    static String postgresRole(String cmdline) {
        if (!cmdline.startsWith("postgres: ")) {
            return "postmaster";
        }
        String rest = cmdline.substring("postgres: ".length());
        // Debian names the cluster first ("15/main: "): a backend's title is then "<user> <database> <host(port)> <state>".
        int cluster = rest.indexOf(": ");
        if (cluster >= 0) {
            rest = rest.substring(cluster + 2);
        }
        if (rest.startsWith("autovacuum")) {
            return "autovacuum";
        }
        if (rest.startsWith("checkpointer") || rest.startsWith("background writer") || rest.startsWith("walwriter")) {
            return "writers";
        }
        String[] words = rest.split(" ");
        if (words.length >= 3 && words[2].contains("(")) {
            return "backends " + words[1];
        }
        return rest;
    }

    private static String commandOf(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** CPU seconds the whole machine has been busy so far (all cores, everything but idle and iowait), from /proc/stat. */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident memory of a process in MB, from /proc; -1 where unknown. */
    static double residentMb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(-1.0);
        } catch (IOException e) {
            return -1;
        }
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
