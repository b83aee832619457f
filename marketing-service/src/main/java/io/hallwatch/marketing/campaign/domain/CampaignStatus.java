package io.hallwatch.marketing.campaign.domain;

public enum CampaignStatus {
    PLANNED, RUNNING, ENDED
}
