package io.hallwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What customers come for and how long it takes: a business mix like a city hall's, and handling
 * times drawn log-normally around 60 % of each type's limit, so that most services finish in time
 * and a tail of about one in ten overruns, as the standard expects overruns to be rare but real.
 * The limits are the platform's own, read from its catalogue ({@code GET /api/v1/business-types},
 * whose limits come from the service standard), never a copy kept here.
 */
public final class CustomerMix {
    static final Map<String, Double> SHARE = new LinkedHashMap<>();
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

    private final Map<String, Integer> limitSeconds;

    CustomerMix(Map<String, Integer> limitSeconds) {
        if (limitSeconds.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no business types");
        }
        this.limitSeconds = Map.copyOf(limitSeconds);
    }

    /** From the catalogue's answer: {@code [{"code":"PAYMENT","handlingLimitSeconds":120,...},...]}. */
    static CustomerMix fromCatalogue(JsonNode businessTypes) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (JsonNode type : businessTypes) {
            JsonNode limit = type.path("handlingLimitSeconds");
            if (!type.path("code").isTextual() || !limit.canConvertToInt() || limit.asInt() <= 0) {
                throw new IllegalArgumentException("a business type without a code or a handling limit: " + type);
            }
            limits.put(type.path("code").asText(), limit.asInt());
        }
        return new CustomerMix(limits);
    }

    /** The business types the platform offers, in the catalogue's order. */
    List<String> businessTypes() {
        return List.copyOf(limitSeconds.keySet());
    }

    int limitSeconds(String businessType) {
        Integer limit = limitSeconds.get(businessType);
        if (limit == null) {
            throw new IllegalArgumentException("not in the catalogue: " + businessType);
        }
        return limit;
    }

    /** A customer's business: the city hall's mix, among the types the catalogue has. */
    public String businessType(Random random) {
        double r = random.nextDouble();
        double sum = 0;
        for (Map.Entry<String, Double> e : SHARE.entrySet()) {
            sum += e.getValue();
            if (r < sum && limitSeconds.containsKey(e.getKey())) {
                return e.getKey();
            }
        }
        return businessTypes().get(0);
    }

    public Duration handlingTime(String businessType, Random random) {
        double median = 0.6 * limitSeconds.getOrDefault(businessType, limitSeconds.values().iterator().next());
        double seconds = median * Math.exp(SIGMA * random.nextGaussian());
        return Duration.ofMillis(Math.round(Math.max(20, seconds) * 1000));
    }
}
