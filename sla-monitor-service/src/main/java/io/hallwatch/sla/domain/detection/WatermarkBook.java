package io.hallwatch.sla.domain.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the producers have promised about the monitor's input topics: for each producer that can
 * still change a ticket (the queue on the tickets topic, the counter on the services topic), its
 * recent watermarks, each with the partitions' end offsets below which everything up to it lies.
 * <p>
 * A deadline D of a branch may be judged only once every required producer has promised a
 * watermark at or past D: the branch's partitions up to that promise's offsets are then the
 * timer's fence, and the monitor fires once it has applied them. A producer whose promise has not
 * reached D yet (its relay is stalled, it is down, or it is slow) keeps the branch waiting; that
 * is a delay, reported as such, never a false breach. Plain Java; the monitor's follower of the
 * watermark topic feeds it.
 */
public final class WatermarkBook {
    /** One input topic and the producers that write it. */
    public record Input(String topic, List<String> producers) {
        public Input {
            producers = List.copyOf(producers);
        }
    }

    /** Where a branch's records are: the partition of each input topic, in the order of the inputs. */
    public record BranchPartitions(int tickets, int services) {
        int of(int input) {
            return input == 0 ? tickets : services;
        }
    }

    /** The answer for a deadline: a fence to wait for, or the producers whose promise has not reached it. */
    public record Judgement(PartitionFence fence, List<String> waitingFor) {
        public boolean ready() {
            return fence != null;
        }
    }

    private record Key(String producer, String topic) {
    }

    private final List<Input> inputs;
    private final int keep;
    private final Map<Key, TreeMap<Instant, long[]>> marks = new HashMap<>();

    /**
     * @param tickets  the tickets topic and its producers
     * @param services the services topic and its producers
     * @param keep     promises kept per producer and topic (the oldest go first)
     */
    public WatermarkBook(Input tickets, Input services, int keep) {
        this.inputs = List.of(tickets, services);
        this.keep = keep;
    }

    /**
     * Takes a promise. One for a topic the monitor does not read, or from a producer it does not
     * wait for, is ignored. A watermark behind the producer's newest means the producer started
     * over (a replica took over the relay, or a demo set the clock back): what it promised before
     * is forgotten rather than trusted with offsets from before. The same watermark again keeps
     * the newer offsets (never smaller: a fence may only grow).
     */
    public synchronized void record(String producer, String topic, Instant watermark, List<Long> endOffsets) {
        if (inputs.stream().noneMatch(i -> i.topic().equals(topic) && i.producers().contains(producer))) {
            return;
        }
        TreeMap<Instant, long[]> byMark = marks.computeIfAbsent(new Key(producer, topic), k -> new TreeMap<>());
        if (!byMark.isEmpty() && watermark.isBefore(byMark.lastKey())) {
            byMark.clear();
        }
        byMark.put(watermark, endOffsets.stream().mapToLong(Long::longValue).toArray());
        while (byMark.size() > keep) {
            byMark.pollFirstEntry();
        }
    }

    /** The fence for a deadline of the branch whose partitions these are, or who it is waiting for. */
    public synchronized Judgement judge(Instant deadline, BranchPartitions branch) {
        long[] fence = new long[inputs.size()];
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            for (String producer : input.producers()) {
                TreeMap<Instant, long[]> byMark = marks.get(new Key(producer, input.topic()));
                Map.Entry<Instant, long[]> promise = byMark == null ? null : byMark.ceilingEntry(deadline);
                if (promise == null) {
                    if (!waiting.contains(producer)) {
                        waiting.add(producer);
                    }
                    continue;
                }
                int partition = branch.of(i);
                long end = partition < promise.getValue().length ? promise.getValue()[partition] : 0;
                fence[i] = Math.max(fence[i], end);
            }
        }
        return waiting.isEmpty() ? new Judgement(new PartitionFence(fence[0], fence[1]), List.of()) : new Judgement(null, waiting);
    }

    /**
     * Up to when every input is complete and applied: the latest moment T such that each required
     * producer promised T with offsets the monitor has applied everywhere ({@code applied} by
     * input, then partition). Empty while some producer has promised nothing applied yet.
     */
    public synchronized Optional<Instant> completeThrough(List<long[]> applied) {
        Instant through = null;
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            for (String producer : input.producers()) {
                TreeMap<Instant, long[]> byMark = marks.get(new Key(producer, input.topic()));
                Instant best = null;
                if (byMark != null) {
                    for (Map.Entry<Instant, long[]> promise : byMark.descendingMap().entrySet()) {
                        if (covered(promise.getValue(), applied.get(i))) {
                            best = promise.getKey();
                            break;
                        }
                    }
                }
                if (best == null) {
                    return Optional.empty();
                }
                through = through == null || best.isBefore(through) ? best : through;
            }
        }
        return Optional.ofNullable(through);
    }

    /** Each required producer's newest promise (the earliest over its topics); absent if it promised nothing yet. */
    public synchronized Map<String, Optional<Instant>> newest() {
        Map<String, Optional<Instant>> newest = new HashMap<>();
        for (Input input : inputs) {
            for (String producer : input.producers()) {
                TreeMap<Instant, long[]> byMark = marks.get(new Key(producer, input.topic()));
                Optional<Instant> last = byMark == null || byMark.isEmpty() ? Optional.empty() : Optional.of(byMark.lastKey());
                newest.merge(producer, last, (a, b) -> a.isEmpty() || b.isEmpty() ? Optional.empty()
                        : Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get()));
            }
        }
        return newest;
    }

    /** The required producers, each once. */
    public List<String> producers() {
        return inputs.stream().flatMap(i -> i.producers().stream()).distinct().toList();
    }

    private static boolean covered(long[] ends, long[] applied) {
        for (int p = 0; p < ends.length; p++) {
            if ((p < applied.length ? applied[p] : 0) < ends[p]) {
                return false;
            }
        }
        return true;
    }
}
