package io.hallwatch.marketing.domain.campaign;

import io.hallwatch.events.TimeOrderedIds;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One result on site: a {@code LEAD} (interested, did not buy: a follow-up for the branch) or a
 * {@code SALE} of {@code quantity} units, which may convert an earlier lead ({@code leadId}).
 */
public record CampaignRecord(UUID id, Kind kind, String staffId, String offerCode, int quantity, UUID leadId,
                             Instant at) {

    public enum Kind { LEAD, SALE }

    public CampaignRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(offerCode, "offerCode");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        if (kind == Kind.LEAD && (quantity != 1 || leadId != null)) {
            throw new IllegalArgumentException("a lead is one person and converts nothing");
        }
    }

    // Time-ordered ids: a record's id names its day partition (V6).
    public static CampaignRecord lead(String staffId, String offerCode, Instant at) {
        return new CampaignRecord(TimeOrderedIds.next(), Kind.LEAD, staffId, offerCode, 1, null, at);
    }

    public static CampaignRecord sale(String staffId, String offerCode, int quantity, UUID leadId, Instant at) {
        return new CampaignRecord(TimeOrderedIds.next(), Kind.SALE, staffId, offerCode, quantity, leadId, at);
    }

    public boolean isLead() {
        return kind == Kind.LEAD;
    }

    public boolean isSale() {
        return kind == Kind.SALE;
    }
}
