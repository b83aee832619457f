package io.hallwatch.marketing.domain.campaign;

public enum CampaignStatus {
    PLANNED, RUNNING, ENDED
}
