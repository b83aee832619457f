package io.hallwatch.reliability;

import io.hallwatch.testsupport.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.events.Topics;
import io.hallwatch.testsupport.jwt.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenarios, parameterised so that the quick run and the full run share them. */
final class Scenarios {
    /** The load's arrival rate: a busy hall's peak is a ticket every few seconds; this is far above it. */
    static final int NORMAL_RATE = 5;
    /**
     * The kiosks' load before one replica of each service is killed, long enough that waits come due while the
     * survivors take over (5 to 11 s). The clerk calls at most one customer each 0.6 s (four steps 150 ms apart) and
     * the kiosks issue 5 a second, served in order: after B seconds of load the first customer to wait past 15 minutes
     * (15 s here) breaches at the latest 22.5 - B s after the kill (earlier with a slower clerk). 12 s put that at
     * 10.5 s, so whether a wait came due before the takeover was chance (a run on 2026-12-07 had none in 10.6 s);
     * 20 s puts it at 2.5 s.
     */
    static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(20);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    private final Platform platform;
    private final ResultTable table;

    Scenarios(Platform platform, ResultTable table) {
        this.platform = platform;
        this.table = table;
    }

    // ---- 1. kill -9 ----------------------------------------------------------------------------

    /**
     * Kiosks issue tickets while {@code victim} is killed with SIGKILL and started again. Afterwards
     * every accepted ticket is in the queue's database and on the tickets topic once, reached the
     * monitor and marketing once, breached its 15-minute wait exactly once, and every consumer
     * group has caught up.
     */
    void killNine(String victim, Duration before, Duration after) throws Exception {
        String branch = platform.newBranch("K9");
        String dutyManager = platform.dutyRoster(branch);
        ServiceProcess service = platform.service(victim);
        KioskLoad load = new KioskLoad(platform.service(Platform.QUEUE).url(""), branch).start(NORMAL_RATE);
        CounterLoad counter = new CounterLoad(platform.service(Platform.COUNTER).url(""), branch).start();
        Duration recovery;
        try {
            await().pollDelay(before).atMost(before.plusSeconds(5)).until(() -> true);
            service.kill9();
            Instant killed = Instant.now();
            service.restart();
            recovery = Duration.between(killed, Instant.now());
            await().pollDelay(after).atMost(after.plusSeconds(5)).until(() -> true);
        } finally {
            counter.stop();
            load.stop();
        }
        LoadAudit audit = auditLoad(branch, dutyManager, load, counter);
        table.add(new ResultTable.Row("kill -9 " + victim, load.sent() + counter.requests(), audit.events(), audit.lost(),
                audit.duplicated(), audit.serverErrors(), recovery, audit.verdict()));
        assertTrue(audit.problems().isEmpty(), "kill -9 " + victim + ": " + audit.problems());
    }

    /** The oracle after kiosks and a clerk worked at {@code branch}: tickets, finished services, breaches, alerts, 5xx. */
    record LoadAudit(Outcome outcome, DeliveryAudit services, AlertAudit alerts, int finished, int serverErrors, List<String> problems) {
        int events() {
            return outcome.events + services.publishedEvents();
        }

        int lost() {
            return outcome.lost + services.lost();
        }

        int duplicated() {
            return outcome.duplicated + services.duplicated();
        }

        String verdict() {
            return problems.isEmpty() ? outcome.verdict.replace(" accepted,", " tickets, " + finished + " services finished, "
                    + alerts.breaches() + " breaches in " + alerts.messages() + " messages once each,")
                    : "FAIL: " + String.join("; ", problems);
        }
    }

    /**
     * Every accepted ticket stored and published once and reached the monitor and marketing, every
     * breach due found once and alerted once, every finish answered 2xx stored and published once,
     * no 5xx (what {@link #killNine} and the replica scenarios check once the load has stopped).
     */
    LoadAudit auditLoad(String branch, String dutyManager, KioskLoad load, CounterLoad counter) throws Exception {
        Outcome outcome = auditTickets(branch, load, true);
        List<String> problems = new ArrayList<>(outcome.problems);
        // The counter's promises: each finish answered 2xx is one service record and one service-finished event.
        var finished = counter.finishedTicketIds();
        DeliveryAudit[] services = new DeliveryAudit[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            services[0] = DeliveryAudit.of(finished, platform.strings(Platform.COUNTER,
                            "SELECT ticket_id::text FROM service_record WHERE branch_id = ? AND finished_at IS NOT NULL", branch),
                    published(Topics.SERVICES, "hallwatch.service.finished.v1", branch, "ticketId"));
            return services[0].lost() == 0;
        });
        if (services[0].lost() > 0 || services[0].duplicated() > 0) {
            problems.add("services finished: " + services[0]);
        }
        if (finished.isEmpty()) {
            problems.add("the counter finished no service");
        }
        AlertAudit alerts = auditAlerts(branch, dutyManager);
        problems.addAll(alerts.problems());
        int serverErrors = (int) load.count(a -> a.status() >= 500) + counter.serverErrors();
        if (serverErrors > 0) {
            problems.add(serverErrors + " answers 5xx");
        }
        return new LoadAudit(outcome, services[0], alerts, finished.size(), serverErrors, problems);
    }

    // ---- 1b. two replicas of each service --------------------------------------------------------

    /**
     * Every service as two replicas ({@link Platform#addReplicas}); kiosks and a clerk work through the
     * round-robins while the first replica of each of {@code victims} gets SIGKILL at the same moment, as when
     * the host that carries one replica of each goes down. Measured from the kill: until each of the victims'
     * consumer groups is stable again with the dead members gone and every partition they held owned by a
     * survivor; and until every SLA timer of the branch that came due by then has fired (none left in
     * {@code sla_timer} due at or before that instant). Then the oracle of {@link #killNine}. With
     * {@code restartAfter} the killed replicas are started again afterwards, for the scenarios that follow.
     */
    void killOneReplicaEach(List<String> victims, Duration before, Duration after, boolean restartAfter) throws Exception {
        platform.addReplicas();
        String branch = platform.newBranch("R2");
        String dutyManager = platform.dutyRoster(branch);
        List<String> groups = victims.stream().flatMap(v -> Platform.CONSUMER_GROUPS.get(v).stream()).toList();
        KioskLoad load = new KioskLoad(platform.entry(Platform.QUEUE), branch).start(NORMAL_RATE);
        CounterLoad counter = new CounterLoad(platform.entry(Platform.COUNTER), branch).start();
        List<String> problems = new ArrayList<>();
        Map<String, Duration> takeover = new java.util.TreeMap<>();
        Map<String, java.util.Set<org.apache.kafka.common.TopicPartition>> moved = new java.util.concurrent.ConcurrentHashMap<>();
        Duration partitions = null;
        String timers = null;
        try {
            await().pollDelay(before).atMost(before.plusSeconds(5)).until(() -> true);
            Map<String, Platform.GroupView> was = platform.describeGroups(groups);
            for (String g : groups) {
                Platform.GroupView v = was.get(g);
                if (v == null || v.members() < 2 || v.members() % 2 != 0 || v.assigned().isEmpty()) {
                    problems.add("before the kill, group " + g + " is not two replicas' members holding its partitions: " + v);
                }
            }
            Instant killed = Instant.now();
            for (String victim : victims) {
                platform.replicas(victim).get(0).kill9();
            }
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                    Map<String, Platform.GroupView> now = platform.describeGroups(groups);
                    Instant at = Instant.now();
                    for (String g : groups) {
                        Platform.GroupView v = now.get(g);
                        Platform.GroupView w = was.get(g);
                        if (!takeover.containsKey(g) && "STABLE".equals(v.state()) && v.members() == w.members() / 2
                                && v.assigned().containsAll(w.assigned())) {
                            takeover.put(g, Duration.between(killed, at));
                            moved.put(g, v.leftBy(w));
                        }
                    }
                    return takeover.size() == groups.size();
                });
                partitions = takeover.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                List<String> left = new ArrayList<>(groups);
                left.removeAll(takeover.keySet());
                problems.add("no survivor took over all partitions of " + left + " within 90 s: " + platform.describeGroups(left));
            }
            if (victims.contains(Platform.SLA)) {
                // The timers that came due between the kill and the takeover: once none of them is left in sla_timer,
                // their breaches and warnings (sla_breach: deadline, detected_at on the platform clock, recorded_at on
                // the database's) tell how late they fired and when the last one did.
                java.time.OffsetDateTime from = platform.platformTime(killed).atOffset(ZoneOffset.UTC);
                java.time.OffsetDateTime dueBy = platform.platformTime(Instant.now()).atOffset(ZoneOffset.UTC);
                String pending = "SELECT count(*) FROM sla_timer WHERE branch_id = ? AND due_at <= ?";
                try {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                            .until(() -> "0".equals(platform.strings(Platform.SLA, pending, branch, dueBy).get(0)));
                    List<String> fired = platform.strings(Platform.SLA, "SELECT count(*) || ' ' || coalesce(max(extract(epoch FROM detected_at - deadline)), 0)"
                            + " || ' ' || coalesce(max(extract(epoch FROM recorded_at)), 0) FROM sla_breach WHERE branch_id = ? AND ticket_id IS NOT NULL"
                            + " AND deadline > ? AND deadline <= ?", branch, from, dueBy);
                    String[] f = fired.get(0).split(" ");
                    int n = Integer.parseInt(f[0]);
                    if (n == 0) {
                        problems.add("no SLA timer of the branch came due between the kill and the takeover: nothing to measure");
                    } else {
                        Duration late = Duration.ofMillis(Math.round(Double.parseDouble(f[1]) * 1000 / 60));
                        Duration last = Duration.between(killed, Instant.ofEpochMilli(Math.round(Double.parseDouble(f[2]) * 1000)));
                        timers = "the " + n + " SLA timers due between the kill and the takeover fired at most " + ResultTable.seconds(late)
                                + " late, the last " + ResultTable.seconds(last) + " after the kill";
                    }
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    problems.add("SLA timers due by the takeover still pending 60 s later: "
                            + platform.strings(Platform.SLA, pending, branch, dueBy).get(0));
                }
            }
            await().pollDelay(after).atMost(after.plusSeconds(5)).until(() -> true);
        } finally {
            counter.stop();
            load.stop();
        }
        if (restartAfter) {
            for (String victim : victims) {
                platform.replicas(victim).get(0).restart(platform.replicaChanges(victim));
            }
        }
        LoadAudit audit = auditLoad(branch, dutyManager, load, counter);
        problems.addAll(audit.problems());
        // Whether the branch's own partitions were among those the dead replicas left (with one branch that is chance):
        // the partition of its ticket events, which carries the monitor's timeline of the branch.
        java.util.Set<Integer> branchPartitions = new java.util.TreeSet<>();
        for (ConsumerRecord<String, byte[]> r : platform.readAll(Topics.TICKETS)) {
            try {
                if (branch.equals(Platform.JSON.readTree(r.value()).path("data").path("branchId").asText())) {
                    branchPartitions.add(r.partition());
                }
            } catch (java.io.IOException e) {
                // not an event
            }
        }
        StringBuilder measured = new StringBuilder();
        takeover.forEach((g, d) -> measured.append(measured.isEmpty() ? "" : ", ").append(g).append(" ").append(ResultTable.seconds(d))
                .append(" (").append(moved.get(g).size()).append(" moved)"));
        boolean branchMoved = moved.getOrDefault("sla-monitor-timeline", java.util.Set.of()).stream()
                .anyMatch(tp -> tp.topic().equals(Topics.TICKETS) && branchPartitions.contains(tp.partition()));
        measured.append("; the branch's ").append(Topics.TICKETS).append(" partition ").append(branchPartitions)
                .append(branchMoved ? " was" : " was not").append(" among the dead monitor's");
        String verdict = (problems.isEmpty() ? audit.verdict() : "FAIL: " + String.join("; ", problems))
                + "; partitions taken over by the survivors: " + measured
                + (timers == null ? "" : "; " + timers);
        table.add(new ResultTable.Row("kill -9 one of 2 replicas of " + String.join(", ", victims) + " at once",
                load.sent() + counter.requests(), audit.events(), audit.lost(), audit.duplicated(), audit.serverErrors(), partitions,
                verdict));
        assertTrue(problems.isEmpty(), "kill -9 one replica of each of " + victims + ": " + problems);
    }

    /**
     * Every service as two replicas; under the same load, each replica of each service in turn gets SIGTERM, starts
     * again on its port and is ready and back in its consumer groups (stable, as many members as before, every
     * partition held) before the next one goes: a rolling restart, as an upgrade does it. Then the oracle.
     */
    void rollingRestart(Duration before, Duration after) throws Exception {
        platform.addReplicas();
        String branch = platform.newBranch("RR");
        String dutyManager = platform.dutyRoster(branch);
        KioskLoad load = new KioskLoad(platform.entry(Platform.QUEUE), branch).start(NORMAL_RATE);
        CounterLoad counter = new CounterLoad(platform.entry(Platform.COUNTER), branch).start();
        List<String> problems = new ArrayList<>();
        Duration longest = Duration.ZERO;
        String slowest = "";
        int restarted = 0;
        Instant begin = Instant.now();
        Duration total;
        try {
            await().pollDelay(before).atMost(before.plusSeconds(5)).until(() -> true);
            begin = Instant.now();
            for (String name : List.of(Platform.SLA, Platform.QUEUE, Platform.COUNTER, Platform.MARKETING)) {
                List<String> groups = Platform.CONSUMER_GROUPS.get(name);
                for (ServiceProcess replica : platform.replicas(name)) {
                    Map<String, Platform.GroupView> was = platform.describeGroups(groups);
                    Instant t0 = Instant.now();
                    replica.close();
                    replica.restart(platform.replicaChanges(name));
                    try {
                        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                            Map<String, Platform.GroupView> now = platform.describeGroups(groups);
                            return groups.stream().allMatch(g -> "STABLE".equals(now.get(g).state())
                                    && now.get(g).members() == was.get(g).members() && now.get(g).assigned().containsAll(was.get(g).assigned()));
                        });
                    } catch (org.awaitility.core.ConditionTimeoutException e) {
                        problems.add(name + " on :" + replica.port() + " not back in " + groups + " within 60 s: " + platform.describeGroups(groups));
                    }
                    Duration took = Duration.between(t0, Instant.now());
                    restarted++;
                    if (took.compareTo(longest) > 0) {
                        longest = took;
                        slowest = name;
                    }
                }
            }
            total = Duration.between(begin, Instant.now());
            await().pollDelay(after).atMost(after.plusSeconds(5)).until(() -> true);
        } finally {
            counter.stop();
            load.stop();
        }
        LoadAudit audit = auditLoad(branch, dutyManager, load, counter);
        problems.addAll(audit.problems());
        String verdict = (problems.isEmpty() ? audit.verdict() : "FAIL: " + String.join("; ", problems)) + "; " + restarted
                + " replicas restarted one at a time in " + ResultTable.seconds(total) + ", the longest (" + slowest
                + ") SIGTERM to ready and back in its groups in " + ResultTable.seconds(longest);
        table.add(new ResultTable.Row("rolling restart, 2 replicas of each service", load.sent() + counter.requests(), audit.events(),
                audit.lost(), audit.duplicated(), audit.serverErrors(), longest, verdict));
        assertTrue(problems.isEmpty(), "rolling restart: " + problems);
    }

    record AlertAudit(int breaches, int messages, List<String> problems) {
    }

    private static final java.util.regex.Pattern PAGED_TICKET = java.util.regex.Pattern.compile("ticket (\\S+):");
    private static final java.util.regex.Pattern LISTED_TICKETS = java.util.regex.Pattern.compile("tickets: ([^/]+)");
    private static final java.util.regex.Pattern ACK_LINK = java.util.regex.Pattern.compile("\\[Acknowledge]\\([^)]*\\)");

    /**
     * What reached the phones for {@code branch}: every ticket breach the monitor recorded is named
     * in exactly one page or follow-up (none missed, none doubled, whoever's level it reached), the
     * duty manager was paged, and no message went out twice (ack links differ per send, so they
     * are left out of the comparison).
     */
    AlertAudit auditAlerts(String branch, String dutyManager) throws Exception {
        List<String> problems = new ArrayList<>();
        String title = " at " + branch;
        List<String> expected = new ArrayList<>();
        List<String> named = new ArrayList<>();
        List<io.hallwatch.testsupport.PhoneStandInProcess.Message> messages = new ArrayList<>();
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                // The phone first, then the monitor: a message names only breaches already stored,
                // so a snapshot read this way can lag but never show a message without its breach.
                messages.clear();
                platform.phone.messages().stream().filter(m -> m.text().contains(title)).forEach(messages::add);
                expected.clear();
                expected.addAll(platform.strings(Platform.SLA, "SELECT ticket_number FROM sla_breach WHERE branch_id = ?"
                        + " AND level = 'BREACH' AND ticket_number IS NOT NULL", branch));
                java.util.Collections.sort(expected);
                named.clear();
                for (var m : messages) {
                    var paged = PAGED_TICKET.matcher(m.text());
                    while (paged.find()) {
                        named.add(paged.group(1));
                    }
                    var listed = LISTED_TICKETS.matcher(m.text());
                    if (listed.find()) {
                        java.util.Arrays.stream(listed.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(named::add);
                    }
                }
                java.util.Collections.sort(named);
                return !expected.isEmpty() && named.equals(expected);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below
        }
        if (expected.isEmpty()) {
            problems.add("no breach to alert on");
        }
        if (!named.equals(expected)) {
            List<String> missed = new ArrayList<>(expected);
            named.forEach(missed::remove);
            List<String> extra = new ArrayList<>(named);
            expected.forEach(extra::remove);
            problems.add("alerts: missed " + missed + ", doubled or unknown " + extra);
        }
        if (messages.stream().noneMatch(m -> m.to().equals(dutyManager))) {
            problems.add("the duty manager " + dutyManager + " was never paged");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var m : messages) {
            String same = m.channel() + " " + m.to() + " " + ACK_LINK.matcher(m.text()).replaceAll("");
            if (!seen.add(same)) {
                problems.add("message sent twice: " + abbreviate(same));
            }
        }
        return new AlertAudit(expected.size(), messages.size(), problems);
    }

    record Outcome(int events, int lost, int duplicated, String verdict, List<String> problems) {
        void assertClean(String scenario) {
            assertTrue(problems.isEmpty(), scenario + ": " + problems);
        }
    }

    /** The oracle: what the kiosks were promised against what the four services stored and published. */
    Outcome auditTickets(String branch, KioskLoad load, boolean expectBreaches) throws Exception {
        List<String> problems = new ArrayList<>();
        var accepted = load.acceptedTicketIds();
        DeliveryAudit[] issued = new DeliveryAudit[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            issued[0] = DeliveryAudit.of(accepted, platform.strings(Platform.QUEUE, "SELECT id::text FROM ticket WHERE branch_id = ?", branch),
                    published(Topics.TICKETS, "hallwatch.ticket.issued.v1", branch, "ticketId"));
            return issued[0].lost() == 0;
        });
        if (issued[0].lost() > 0 || issued[0].duplicated() > 0) {
            problems.add("tickets: " + issued[0]);
        }
        // The consumers: each accepted ticket reached the monitor and marketing (their primary keys forbid a second row).
        List<String> atMonitor = awaitRows(Platform.SLA, "SELECT ticket_id FROM sla_ticket WHERE branch_id = ?", branch, accepted.size());
        List<String> atMarketing = awaitRows(Platform.MARKETING, "SELECT ticket_id FROM hall_ticket WHERE branch_id = ?", branch, accepted.size());
        if (!atMonitor.containsAll(accepted)) {
            problems.add("monitor missed " + missing(accepted, atMonitor));
        }
        if (!atMarketing.containsAll(accepted)) {
            problems.add("marketing missed " + missing(accepted, atMarketing));
        }
        int duplicated = issued[0].duplicated();
        int lost = issued[0].lost();
        int events = issued[0].publishedEvents();
        if (expectBreaches) {
            // At 60x a 15-minute wait passes in 15 s. Whoever waited over 16 minutes (or still waits)
            // must breach once; whoever was called within 14 must not; in between the clocks' skew decides.
            java.util.Set<String> mustBreach = new java.util.HashSet<>(platform.strings(Platform.QUEUE, "SELECT id::text FROM ticket WHERE branch_id = ?"
                    + " AND (called_at IS NULL OR called_at - issued_at > interval '16 minutes')", branch));
            mustBreach.retainAll(accepted);
            java.util.Set<String> mustNot = new java.util.HashSet<>(platform.strings(Platform.QUEUE, "SELECT id::text FROM ticket WHERE branch_id = ?"
                    + " AND called_at - issued_at < interval '14 minutes'", branch));
            DeliveryAudit[] breaches = new DeliveryAudit[1];
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                breaches[0] = DeliveryAudit.of(mustBreach, platform.strings(Platform.SLA,
                                "SELECT ticket_id FROM sla_breach WHERE branch_id = ? AND rule = 'WAIT' AND level = 'BREACH'", branch),
                        publishedBreaches(branch));
                return breaches[0].lost() == 0;
            });
            if (breaches[0].lost() > 0 || breaches[0].duplicated() > 0) {
                problems.add("wait breaches: " + breaches[0]);
            }
            List<String> wrongly = platform.strings(Platform.SLA, "SELECT ticket_id FROM sla_breach WHERE branch_id = ? AND rule = 'WAIT' AND level = 'BREACH'", branch);
            wrongly.retainAll(mustNot);
            if (!wrongly.isEmpty()) {
                problems.add("breached though called in time: " + wrongly);
            }
            lost += breaches[0].lost();
            duplicated += breaches[0].duplicated();
            events += breaches[0].publishedEvents();
        }
        long[] lag = new long[1];
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> (lag[0] = platform.consumerLag()) == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            problems.add("consumer lag stayed at " + lag[0]);
        }
        String verdict = problems.isEmpty() ? "pass (" + accepted.size() + " accepted, " + issued[0].redelivered() + " redelivered, lag 0)"
                : "FAIL: " + String.join("; ", problems);
        return new Outcome(events, lost, duplicated, verdict, problems);
    }

    private static List<String> missing(java.util.Collection<String> expected, List<String> present) {
        List<String> out = new ArrayList<>(expected);
        out.removeAll(present);
        return out.subList(0, Math.min(5, out.size()));
    }

    private List<String> awaitRows(String service, String sql, String branch, int expected) {
        List<List<String>> rows = new ArrayList<>(List.of(List.of()));
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> (rows.set(0, platform.strings(service, sql, branch)) != null) && rows.get(0).size() >= expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported by the caller as the missing ones
        }
        return rows.get(0);
    }

    private List<DeliveryAudit.Published> published(String topic, String type, String branch, String subjectField) {
        return platform.events(topic, type).stream().filter(e -> branch.equals(e.path("data").path("branchId").asText()))
                .map(e -> new DeliveryAudit.Published(e.path("id").asText(), e.path("data").path(subjectField).asText())).toList();
    }

    private List<DeliveryAudit.Published> publishedBreaches(String branch) {
        return platform.events(Topics.SLA, "hallwatch.sla.breached.v1").stream()
                .filter(e -> branch.equals(e.path("data").path("branchId").asText()) && "WAIT".equals(e.path("data").path("rule").asText()))
                .map(e -> new DeliveryAudit.Published(e.path("id").asText(), e.path("data").path("ticketId").asText())).toList();
    }

    // ---- 2. broker restart ---------------------------------------------------------------------

    /**
     * The broker is killed with SIGKILL under load and started again after {@code down}: kiosks
     * keep getting tickets meanwhile (the outbox holds the events), and afterwards every event is
     * delivered, once, in order per branch.
     */
    void brokerRestart(Duration before, Duration down, Duration after) throws Exception {
        String branch = platform.newBranch("BR");
        KioskLoad load = new KioskLoad(platform.service(Platform.QUEUE).url(""), branch).start(NORMAL_RATE);
        Duration recovery;
        int acceptedWhileDown;
        try {
            await().pollDelay(before).atMost(before.plusSeconds(5)).until(() -> true);
            platform.broker.kill9();
            int acceptedAtKill = load.accepted();
            await().pollDelay(down).atMost(down.plusSeconds(5)).until(() -> true);
            acceptedWhileDown = load.accepted() - acceptedAtKill;
            Instant restarted = Instant.now();
            platform.broker.restart();
            // Recovered when the outbox backlog written while the broker was away reached the topic.
            var acceptedSoFar = load.acceptedTicketIds();
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                    DeliveryAudit.of(acceptedSoFar, acceptedSoFar, published(Topics.TICKETS, "hallwatch.ticket.issued.v1", branch, "ticketId"))
                            .lostOnTopic().isEmpty());
            recovery = Duration.between(restarted, Instant.now());
            await().pollDelay(after).atMost(after.plusSeconds(5)).until(() -> true);
        } finally {
            load.stop();
        }
        Outcome outcome = auditTickets(branch, load, false);
        List<String> problems = new ArrayList<>(outcome.problems);
        if (acceptedWhileDown == 0) {
            problems.add("no ticket was issued while the broker was down");
        }
        List<IssueOrder.Issued> inOrder = new ArrayList<>();
        for (JsonNode e : platform.events(Topics.TICKETS, "hallwatch.ticket.issued.v1")) {
            if (branch.equals(e.path("data").path("branchId").asText())) {
                inOrder.add(new IssueOrder.Issued(e.path("id").asText(), branch, e.path("data").path("ticketNumber").asText()));
            }
        }
        List<String> disorder = IssueOrder.violations(inOrder);
        if (!disorder.isEmpty()) {
            problems.add("out of order: " + disorder.subList(0, Math.min(5, disorder.size())));
        }
        String verdict = problems.isEmpty() ? "pass (" + acceptedWhileDown + " tickets issued while the broker was down, in order)"
                : "FAIL: " + String.join("; ", problems);
        table.add(new ResultTable.Row("broker kill -9, down " + down.toSeconds() + " s", load.sent(), outcome.events,
                outcome.lost, outcome.duplicated, (int) load.count(a -> a.status() >= 500), recovery, verdict));
        assertTrue(problems.isEmpty(), "broker restart: " + problems);
    }

    // ---- 3. database outage ----------------------------------------------------------------------

    /**
     * The queue-service's PostgreSQL (the suite's private cluster) stops for {@code down} under
     * load: kiosks get a fast 503 problem+json with Retry-After, readiness goes DOWN then UP, and
     * afterwards every ticket stored was published once and every accepted one is stored.
     */
    void databaseOutage(PrivatePostgres postgres, Duration down) throws Exception {
        String branch = platform.newBranch("DB");
        ServiceProcess queue = platform.service(Platform.QUEUE);
        KioskLoad load = new KioskLoad(queue.url(""), branch).start(NORMAL_RATE);
        List<String> problems = new ArrayList<>();
        long stoppedAt;
        long restartedAt;
        Duration recovery;
        try {
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(9)).until(() -> true);
            stoppedAt = System.nanoTime();
            postgres.stopServer();
            try {
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> queue.readiness() == 503);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                problems.add("readiness never went DOWN");
            }
            long left = down.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000;
            await().pollDelay(Duration.ofMillis(Math.max(0, left))).atMost(Duration.ofMillis(Math.max(0, left) + 5_000)).until(() -> true);
            postgres.startServer();
            restartedAt = System.nanoTime();
            Instant restarted = Instant.now();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> queue.readiness() == 200);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                problems.add("readiness never came back UP");
            }
            recovery = Duration.between(restarted, Instant.now());
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(9)).until(() -> true);
        } finally {
            load.stop();
        }
        // Answers to requests sent while the database was away (a second of grace at each end).
        long from = stoppedAt + 1_000_000_000L;
        long to = restartedAt - 1_000_000_000L;
        List<KioskLoad.Answer> during = load.answers().stream().filter(a -> a.sentAtNanos() > from && a.sentAtNanos() < to).toList();
        long unavailable = during.stream().filter(a -> a.status() == 503).count();
        long other = during.stream().filter(a -> a.status() != 503).count();
        long maxMillis = during.stream().mapToLong(KioskLoad.Answer::millis).max().orElse(0);
        if (unavailable == 0) {
            problems.add("no 503 while the database was down");
        }
        if (other > 0) {
            problems.add(other + " answers other than 503 during the outage: " + during.stream().filter(a -> a.status() != 503)
                    .map(a -> a.status() + "").distinct().toList());
        }
        if (during.stream().anyMatch(a -> a.status() == 503 && (!a.contentType().startsWith("application/problem+json") || a.retryAfter().isBlank()))) {
            problems.add("a 503 without problem+json or Retry-After");
        }
        if (maxMillis > 6_000) {
            problems.add("slowest answer during the outage took " + maxMillis + " ms (not failing fast)");
        }
        Outcome outcome = auditTickets(branch, load, false);
        problems.addAll(outcome.problems);
        // Nothing half-written: each stored ticket (accepted or whose answer was lost) was published once.
        List<String> stored = platform.strings(Platform.QUEUE, "SELECT id::text FROM ticket WHERE branch_id = ?", branch);
        DeliveryAudit whole = DeliveryAudit.of(stored, stored, published(Topics.TICKETS, "hallwatch.ticket.issued.v1", branch, "ticketId"));
        if (whole.lost() > 0 || whole.duplicated() > 0) {
            problems.add("stored vs published: " + whole);
        }
        String verdict = problems.isEmpty() ? "pass (" + unavailable + " × 503 + Retry-After, slowest " + maxMillis
                + " ms; readiness DOWN then UP)" : "FAIL: " + String.join("; ", problems);
        table.add(new ResultTable.Row("PostgreSQL stopped " + down.toSeconds() + " s", load.sent(), outcome.events, outcome.lost,
                outcome.duplicated, (int) load.count(a -> a.status() >= 500 && a.status() != 503), recovery, verdict));
        assertTrue(problems.isEmpty(), "database outage: " + problems);
    }

    // ---- 5. overload -----------------------------------------------------------------------------

    /**
     * A burst of ten times the normal arrival rate at one branch for {@code burst}: nothing but
     * 2xx, 429 or 503, and the normal kiosks' latency is back near its baseline once it ends.
     */
    void overload(Duration burst) throws Exception {
        String branch = platform.newBranch("OL");
        String url = platform.service(Platform.QUEUE).url("");
        KioskLoad normal = new KioskLoad(url, branch).start(NORMAL_RATE);
        KioskLoad surge;
        long burstStart;
        long burstEnd;
        try {
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
            burstStart = System.nanoTime();
            surge = new KioskLoad(url, branch).start(NORMAL_RATE * 9);
            try {
                await().pollDelay(burst).atMost(burst.plusSeconds(5)).until(() -> true);
            } finally {
                surge.stop();
            }
            burstEnd = System.nanoTime();
            await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(13)).until(() -> true);
        } finally {
            normal.stop();
        }
        List<String> problems = new ArrayList<>();
        List<KioskLoad.Answer> all = new ArrayList<>(normal.answers());
        all.addAll(surge.answers());
        List<Integer> undocumented = all.stream().map(KioskLoad.Answer::status)
                .filter(s -> s / 100 != 2 && s != 429 && s != 503).distinct().toList();
        if (!undocumented.isEmpty()) {
            problems.add("answers other than 2xx/429/503: " + undocumented);
        }
        long baseline = p95(normal.answers().stream().filter(a -> a.sentAtNanos() < burstStart).toList());
        long during = p95(all.stream().filter(a -> a.sentAtNanos() >= burstStart && a.sentAtNanos() < burstEnd).toList());
        long threshold = Math.max(2 * baseline, baseline + 100);
        // Recovered once every normal request sent afterwards is back under the threshold.
        long lastSlow = normal.answers().stream().filter(a -> a.sentAtNanos() >= burstEnd && a.millis() > threshold)
                .mapToLong(a -> a.sentAtNanos() + a.millis() * 1_000_000).max().orElse(burstEnd);
        Duration recovery = Duration.ofNanos(lastSlow - burstEnd);
        long after = p95(normal.answers().stream().filter(a -> a.sentAtNanos() >= burstEnd + 3_000_000_000L).toList());
        if (after > threshold) {
            problems.add("p95 after the burst " + after + " ms, baseline " + baseline + " ms");
        }
        Outcome outcome = auditTickets(branch, merged(normal, surge), false);
        problems.addAll(outcome.problems);
        String verdict = (problems.isEmpty() ? "pass" : "FAIL: " + String.join("; ", problems)) + " (p95 " + baseline + " ms before, "
                + during + " ms during, " + after + " ms after; " + all.stream().filter(a -> a.status() == 429 || a.status() == 503).count()
                + " × 429/503)";
        table.add(new ResultTable.Row("burst 10× at one branch, " + burst.toSeconds() + " s", normal.sent() + surge.sent(), outcome.events,
                outcome.lost, outcome.duplicated, (int) all.stream().filter(a -> a.status() >= 500 && a.status() != 503).count(), recovery, verdict));
        assertTrue(problems.isEmpty(), "overload: " + problems);
    }

    private static long p95(List<KioskLoad.Answer> answers) {
        long[] sorted = answers.stream().mapToLong(KioskLoad.Answer::millis).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
    }

    private static KioskLoad merged(KioskLoad a, KioskLoad b) {
        return KioskLoad.union(a, b);
    }

    // ---- 4. bad input --------------------------------------------------------------------------

    /**
     * {@code total} requests generated from the four services' OpenAPI documents: no 5xx, every
     * 4xx problem+json, and no database changed by what was refused.
     */
    void fuzz(int total, long seed) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(4)).build();
        Map<String, Map<String, String>> before = new HashMap<>();
        for (ServiceProcess s : platform.services()) {
            before.put(s.name, platform.fingerprint(s.name));
        }
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> acceptedWrites = java.util.Collections.synchronizedList(new ArrayList<>());
        String garbage = "Bearer " + "eyJhbGciOiJSUzI1NiJ9.e30.AAAA";
        Instant begin = Instant.now();
        for (ServiceProcess s : platform.services()) {
            HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(s.url("/q/openapi?format=json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            OpenApiFuzzer fuzzer = new OpenApiFuzzer(Platform.JSON.readTree(doc.body()), seed);
            Semaphore window = new Semaphore(8);
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (OpenApiFuzzer.FuzzRequest r : fuzzer.generate(total / platform.services().size())) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url(r.path()))).timeout(Duration.ofSeconds(20));
                if (r.auth().equals("valid")) {
                    b.header("Authorization", Tokens.allAccess().bearer());
                } else if (r.auth().equals("garbage")) {
                    b.header("Authorization", garbage);
                }
                if (r.body() != null) {
                    b.header("Content-Type", r.contentType());
                }
                b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
                window.acquire();
                sent.incrementAndGet();
                all.add(http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    window.release();
                    String what = s.name + " " + r.method() + " " + abbreviate(r.path()) + " body " + abbreviate(String.valueOf(r.body()));
                    if (failure != null) {
                        problems.add(what + " → no answer: " + failure);
                        return;
                    }
                    int status = response.statusCode();
                    if (status >= 500) {
                        serverErrors.incrementAndGet();
                        problems.add(what + " → " + status + " " + abbreviate(response.body()));
                    } else if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        problems.add(what + " → " + status + " not problem+json: " + response.headers().firstValue("Content-Type").orElse("none"));
                    } else if (status < 300 && !r.method().equals("GET")) {
                        acceptedWrites.add(what + " → " + status);
                    }
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
        }
        Duration took = Duration.between(begin, Instant.now());
        for (ServiceProcess s : platform.services()) {
            Map<String, String> after = platform.fingerprint(s.name);
            for (var e : before.get(s.name).entrySet()) {
                if (!e.getValue().equals(after.get(e.getKey()))) {
                    problems.add(s.name + " table " + e.getKey() + " changed: " + e.getValue() + " → " + after.get(e.getKey()));
                }
            }
        }
        if (!acceptedWrites.isEmpty()) {
            problems.add("writes accepted: " + acceptedWrites.subList(0, Math.min(5, acceptedWrites.size())));
        }
        String verdict = (problems.isEmpty() ? "pass (" + took.toSeconds() + " s, seed " + seed + ", databases unchanged)"
                : "FAIL (seed " + seed + "): " + problems.size() + " problems, first " + abbreviate(problems.get(0)));
        table.add(new ResultTable.Row("fuzz from OpenAPI, 4 services", sent.get(), 0, 0, 0, serverErrors.get(), null, verdict));
        assertTrue(problems.isEmpty(), "fuzz: " + problems.size() + " problems:\n" + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
    }

    private static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    // ---- 4b. poison records ----------------------------------------------------------------------

    /**
     * Garbage, a CloudEvent of unknown type and an oversized record on every consumed topic: each
     * consumer dead-letters each with its reason, and goes on to apply the next real event.
     */
    void poison() throws Exception {
        String branch = platform.newBranch("PZ");
        List<String> topics = List.of(Topics.TICKETS, Topics.SERVICES, Topics.SLA);
        // Who consumes what (the services' own EventConsumers.start calls).
        Map<String, Integer> consumersOf = Map.of(Topics.TICKETS, 2, Topics.SERVICES, 3, Topics.SLA, 1);
        // Where each poison record landed: its dead letters name it in their source headers.
        List<String> poisoned = new ArrayList<>();
        for (String topic : topics) {
            poisoned.add(platform.produce(topic, branch, "not an event".getBytes(StandardCharsets.UTF_8)));
            poisoned.add(platform.produce(topic, branch, ("{\"specversion\":\"1.0\",\"id\":\"" + java.util.UUID.randomUUID()
                    + "\",\"type\":\"hallwatch.unknown.v1\",\"source\":\"/reliability\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{}}")
                    .getBytes(StandardCharsets.UTF_8)));
            poisoned.add(platform.produce(topic, branch, ("{\"padding\":\"" + "x".repeat(900_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        int produced = poisoned.size();
        int expectedDeadLetters = topics.stream().mapToInt(t -> 3 * consumersOf.get(t)).sum();
        // Processing goes on: a real ticket after the poison reaches both consumers of the tickets topic.
        KioskLoad load = new KioskLoad(platform.service(Platform.QUEUE).url(""), branch).start(NORMAL_RATE);
        await().atMost(Duration.ofSeconds(10)).until(() -> load.accepted() >= 5);
        load.stop();
        List<String> problems = new ArrayList<>();
        int[] found = new int[1];
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> {
                int n = 0;
                for (String topic : topics) {
                    for (ConsumerRecord<String, byte[]> r : platform.readAll(topic + ".dlq")) {
                        String source = header(r, "hallwatch.dlq.source-topic") + "/" + header(r, "hallwatch.dlq.source-partition")
                                + "/" + header(r, "hallwatch.dlq.source-offset");
                        String reason = header(r, "hallwatch.dlq.reason");
                        if (poisoned.contains(source) && reason != null && !reason.isBlank()) {
                            n++;
                        }
                    }
                }
                return (found[0] = n) >= expectedDeadLetters;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            problems.add("dead letters with a reason: " + found[0] + " of " + expectedDeadLetters);
        }
        Outcome outcome = auditTickets(branch, load, false);
        problems.addAll(outcome.problems);
        String verdict = problems.isEmpty() ? "pass (" + expectedDeadLetters + " dead letters with reason, consumers went on)"
                : "FAIL: " + String.join("; ", problems);
        table.add(new ResultTable.Row("poison + oversized records, 3 topics", load.sent(), produced + outcome.events, outcome.lost,
                outcome.duplicated, (int) load.count(a -> a.status() >= 500), null, verdict));
        assertTrue(problems.isEmpty(), "poison: " + problems);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    // ---- the table -------------------------------------------------------------------------------

    static void write(ResultTable table, String profile) throws Exception {
        String md = "# Reliability run " + Instant.now() + " (" + profile + ")\n\n" + table.markdown();
        System.out.println("\n" + md);
        Path dir = ServiceProcess.ROOT.resolve("reliability/results");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(LocalDate.now(ZoneOffset.UTC) + "-" + profile + ".md"), md);
    }

    static void assertNoServerErrors(KioskLoad load) {
        assertEquals(0, load.count(a -> a.status() >= 500));
    }
}
