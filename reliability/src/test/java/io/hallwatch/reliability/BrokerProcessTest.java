package io.hallwatch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BrokerProcessTest {

    @Test
    void clusterIdsAreKafkaShapedAndNeverLookLikeAnOption() {
        // 1 in 64 base64 ids starts with '-'; 5,000 draws would hit one with near certainty.
        IntStream.range(0, 5_000).mapToObj(i -> BrokerProcess.randomClusterId()).forEach(id -> {
            assertEquals(22, id.length(), id);
            assertFalse(id.startsWith("-"), id);
            assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
        });
    }
}
