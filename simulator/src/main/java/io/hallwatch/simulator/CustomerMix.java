package io.hallwatch.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * What customers come for and how long it takes: a business mix like a city hall's, and handling
 * times drawn log-normally around 60 % of each type's limit, so that most services finish in time
 * and a tail of about one in ten overruns, as the standard expects overruns to be rare but real.
 */
public final class CustomerMix {
    static final Map<String, Double> SHARE = new LinkedHashMap<>();
    static final Map<String, Integer> LIMIT_SECONDS = Map.of("PAYMENT", 120, "GENERAL", 300, "NEW_LINE", 480,
            "BROADBAND", 600, "SIM", 300, "CLOSE_ACCOUNT", 600, "COMPLAINT", 900, "CONSULT", 300);
    /** Log-normal sigma: with the median at 0.6 × limit, about 10 % exceed the limit. */
    static final double SIGMA = 0.4;

    static {
        SHARE.put("PAYMENT", 0.33);
        SHARE.put("GENERAL", 0.25);
        SHARE.put("NEW_LINE", 0.12);
        SHARE.put("BROADBAND", 0.08);
        SHARE.put("SIM", 0.07);
        SHARE.put("CONSULT", 0.09);
        SHARE.put("CLOSE_ACCOUNT", 0.03);
        SHARE.put("COMPLAINT", 0.03);
    }

    private CustomerMix() {
    }

    public static String businessType(Random random) {
        double r = random.nextDouble();
        double sum = 0;
        for (Map.Entry<String, Double> e : SHARE.entrySet()) {
            sum += e.getValue();
            if (r < sum) {
                return e.getKey();
            }
        }
        return "PAYMENT";
    }

    public static Duration handlingTime(String businessType, Random random) {
        double median = 0.6 * LIMIT_SECONDS.getOrDefault(businessType, 300);
        double seconds = median * Math.exp(SIGMA * random.nextGaussian());
        return Duration.ofMillis(Math.round(Math.max(20, seconds) * 1000));
    }
}
