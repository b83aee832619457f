package io.hallwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

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
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat (utime, stime), counted after the command name
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /**
     * CPU seconds used so far by the processes named {@code command} (as {@code ps -C} matches
     * them, e.g. every PostgreSQL backend); -1 if there is none on this machine. A process that
     * exits takes its share with it, so only long-lived processes are measured right.
     */
    static double cpuSecondsOfCommand(String command) {
        double total = 0;
        boolean found = false;
        try (var pids = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) pids.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))::iterator) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals(command)) {
                        total += cpuSecondsOf(stat);
                        found = true;
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return found ? total : -1;
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
