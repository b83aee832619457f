package io.hallwatch.marketing.catalogue.domain;

/** Whether an offer is for customers who already have home broadband, who do not, or either. */
public enum BroadbandCondition {
    ANY, WITH, WITHOUT
}
