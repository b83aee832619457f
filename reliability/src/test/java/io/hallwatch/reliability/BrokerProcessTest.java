package io.hallwatch.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrokerProcessTest {

    @Test
    void clusterIdsAreKafkaShapedAndNeverLookLikeAnOption() {
        // 1 in 64 base64 ids starts with '-'; 5,000 draws would meet one with near certainty.
        for (int i = 0; i < 5_000; i++) {
            String id = BrokerProcess.randomClusterId();
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            assertFalse(id.startsWith("-"), id);
        }
    }
}
