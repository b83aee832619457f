package io.hallwatch.marketing.domain.followup;

/** Where the interest was shown: at a counter, or at an enterprise campaign. */
public enum FollowUpSource {
    COUNTER, CAMPAIGN
}
