package io.hallwatch.sla.events.timeline;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;

/**
 * The partition a branch's records land on: what Kafka's default partitioner does with the
 * record key (the branch id), which is how every producer of the platform sends.
 */
final class BranchPartitions {
    private BranchPartitions() {
    }

    static int of(String branchId, int partitions) {
        return Utils.toPositive(Utils.murmur2(branchId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
