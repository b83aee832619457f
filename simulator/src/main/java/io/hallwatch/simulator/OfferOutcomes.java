package io.hallwatch.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * What a simulated clerk records for the offer the counter screen showed: accepted, declined,
 * interested (a follow-up for second-round marketing) or not pitched at all. Shares as a hall's
 * counters see them: most customers decline, one in ten or so takes the offer, and the full pitch
 * of a quiet hall ("idle: a paragraph") converts better than the one sentence of a busy one, where
 * the clerk also skips the pitch more often to keep the queue moving.
 */
final class OfferOutcomes {
    /** Shares after the one-sentence pitch of a busy hall (pitch form SHORT). */
    static final Map<String, Double> SHORT = shares(0.08, 0.14, 0.66, 0.12);
    /** Shares after the full pitch of a quiet hall (pitch form FULL). */
    static final Map<String, Double> FULL = shares(0.15, 0.22, 0.58, 0.05);

    private OfferOutcomes() {
    }

    private static Map<String, Double> shares(double accepted, double interested, double declined, double notPitched) {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("ACCEPTED", accepted);
        shares.put("INTERESTED", interested);
        shares.put("DECLINED", declined);
        shares.put("NOT_PITCHED", notPitched);
        return Map.copyOf(shares);
    }

    /** The shares for a pitch form as the marketing service names it ({@code offer.pitch.form}); FULL's for any other. */
    static Map<String, Double> sharesFor(String pitchForm) {
        return "SHORT".equals(pitchForm) ? SHORT : FULL;
    }

    /** One clerk's outcome for an offer pitched in {@code pitchForm}. */
    static String draw(String pitchForm, Random random) {
        Map<String, Double> shares = sharesFor(pitchForm);
        double r = random.nextDouble();
        double sum = 0;
        for (String result : new String[]{"ACCEPTED", "INTERESTED", "DECLINED", "NOT_PITCHED"}) {
            sum += shares.get(result);
            if (r < sum) {
                return result;
            }
        }
        return "DECLINED";
    }
}
