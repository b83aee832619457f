package io.hallwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BrokerProcessTest {

    @Test
    void clusterIdsAreKafkaShapedAndNeverLookLikeAnOption() {
        // 1 in 64 base64 ids starts with '-'; 5,000 draws would hit one with near certainty.
        IntStream.range(0, 5_000).mapToObj(i -> BrokerProcess.randomClusterId()).forEach(id -> {
            assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
        });
    }
}
