package io.hallwatch.marketing.domain.catalogue;

/** Whether an offer is for customers who already have home broadband, who do not, or either. */
public enum BroadbandCondition {
    ANY, WITH, WITHOUT
}
