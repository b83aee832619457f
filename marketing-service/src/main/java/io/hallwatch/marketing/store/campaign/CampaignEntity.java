package io.hallwatch.marketing.store.campaign;

import io.hallwatch.marketing.domain.campaign.Campaign;
import io.hallwatch.marketing.domain.campaign.ProductTarget;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "campaign")
public class CampaignEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "branch_id")
    public String branchId;
    @Column(name = "group_ref")
    public String groupRef;
    @Column(name = "group_name")
    public String groupName;
    public String site;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "lead_staff_id")
    public String leadStaffId;
    @Column(name = "surge_plan")
    public String surgePlan;
    @Column(name = "created_at")
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_staff", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    @Column(name = "staff_id")
    public List<String> staff = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_target", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "offer_code")
    @Column(name = "target")
    public Map<String, Integer> targets = new LinkedHashMap<>();

    /** The campaigns of {@code branchId} (all when null), earliest start first. */
    public static List<CampaignEntity> listInOrder(String branchId) {
        Sort order = Sort.by("startsOn").and("id");
        return branchId == null ? listAll(order) : list("branchId", order, branchId);
    }

    public Campaign toDomain() {
        List<ProductTarget> t = targets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new ProductTarget(e.getKey(), e.getValue())).toList();
        return new Campaign(id, branchId, groupRef, groupName, site, startsOn, endsOn, leadStaffId, staff, t, surgePlan);
    }

    public static CampaignEntity of(Campaign c, Instant now) {
        CampaignEntity e = new CampaignEntity();
        e.id = c.id();
        e.branchId = c.branchId();
        e.groupRef = c.groupRef();
        e.groupName = c.groupName();
        e.site = c.site();
        e.startsOn = c.startsOn();
        e.endsOn = c.endsOn();
        e.leadStaffId = c.leadStaffId();
        e.surgePlan = c.surgePlan();
        e.createdAt = now;
        e.staff = new ArrayList<>(c.staff());
        c.targets().forEach(t -> e.targets.put(t.offerCode(), t.target()));
        return e;
    }
}
