package io.hallwatch.queue.domain.forecast;

import io.hallwatch.queue.domain.forecast.EtaAccuracy.Prediction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EtaAccuracyTest {

    @Test
    void error_share_within_three_minutes_and_bias_over_the_customers() {
        EtaAccuracy a = EtaAccuracy.of(List.of(new Prediction(300, 300), new Prediction(300, 480), new Prediction(600, 300),
                new Prediction(0, 181)));
        assertEquals(4, a.called());
        assertEquals((0 + 180 + 300 + 181) / 4.0, a.meanAbsoluteErrorSeconds(), 1e-9);
        assertEquals(0.5, a.withinToleranceShare(), 1e-9); // exactly 3 minutes is within, 181 s is not
        assertEquals((0 + 180 - 300 + 181) / 4.0, a.biasSeconds(), 1e-9);
    }

    @Test
    void nobody_called_is_all_zero() {
        assertEquals(new EtaAccuracy(0, 0, 0, 0), EtaAccuracy.of(List.of()));
    }
}
