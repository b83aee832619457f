package io.hallwatch.marketing.store.catalogue;

import io.hallwatch.marketing.domain.catalogue.BroadbandCondition;
import io.hallwatch.marketing.domain.catalogue.Eligibility;
import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.customers.SpendBand;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A row of the offer catalogue (V1, V2). */
@Entity
@Table(name = "offer")
public class OfferEntity extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "name_zh")
    public String nameZh;
    public String category;
    @Column(name = "short_pitch")
    public String shortPitch;
    @Column(name = "full_script")
    public String fullScript;
    @Column(name = "demo_step")
    public String demoStep;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "business_types")
    public String[] businessTypes;
    public int priority;
    @Column(name = "min_data_usage_pct")
    public Integer minDataUsagePercent;
    @Enumerated(EnumType.STRING)
    public BroadbandCondition broadband;
    @Column(name = "group_members_only")
    public boolean groupMembersOnly;
    @Enumerated(EnumType.STRING)
    @Column(name = "min_spend_band")
    public SpendBand minSpendBand;
    @Column(name = "contract_ends_within_days")
    public Integer contractEndsWithinDays;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The whole catalogue, in code order. */
    public static List<OfferEntity> allByCode() {
        return listAll(Sort.by("code"));
    }

    public static Optional<OfferEntity> byCode(String code) {
        return findByIdOptional(code);
    }

    public Offer toDomain() {
        return new Offer(code, name, nameZh, category, shortPitch, fullScript, demoStep,
                businessTypes == null ? Set.of() : Set.of(businessTypes),
                new Eligibility(minDataUsagePercent, broadband, groupMembersOnly, minSpendBand, contractEndsWithinDays),
                priority, validFrom, validTo);
    }

    public void apply(Offer offer, Instant now) {
        code = offer.code();
        name = offer.name();
        nameZh = offer.nameZh();
        category = offer.category();
        shortPitch = offer.shortPitch();
        fullScript = offer.fullScript();
        demoStep = offer.demoStep();
        businessTypes = offer.businessTypes().stream().sorted().toArray(String[]::new);
        priority = offer.priority();
        Eligibility e = offer.eligibility();
        minDataUsagePercent = e.minDataUsagePercent();
        broadband = e.broadband();
        groupMembersOnly = e.groupMembersOnly();
        minSpendBand = e.minSpendBand();
        contractEndsWithinDays = e.contractEndsWithinDays();
        validFrom = offer.validFrom();
        validTo = offer.validTo();
        updatedAt = now;
    }
}
