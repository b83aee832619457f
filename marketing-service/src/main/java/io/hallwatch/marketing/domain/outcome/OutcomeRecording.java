package io.hallwatch.marketing.domain.outcome;

/**
 * Whether an outcome may be recorded against an offer shown at a counter. One outcome per offer:
 * the same outcome sent again (a terminal retrying) is answered as before, a different one is a
 * conflict. Advice replaced by newer advice takes no outcome: the clerk records it on the current one.
 */
public final class OutcomeRecording {

    public enum Verdict {
        RECORD, REPEAT, NO_OFFER, SUPERSEDED, ALREADY_RECORDED
    }

    private OutcomeRecording() {
    }

    /**
     * @param offerShown  the advice had an offer (not just a recovery prompt)
     * @param superseded  newer advice replaced it
     * @param recorded    the outcome already recorded, or null
     * @param requested   the outcome the clerk sends
     */
    public static Verdict judge(boolean offerShown, boolean superseded, OfferResult recorded, OfferResult requested) {
        if (!offerShown) {
            return Verdict.NO_OFFER;
        }
        if (recorded != null) {
            return recorded == requested ? Verdict.REPEAT : Verdict.ALREADY_RECORDED;
        }
        if (superseded) {
            return Verdict.SUPERSEDED;
        }
        return Verdict.RECORD;
    }
}
