package io.hallwatch.marketing.store.customers;

import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.PastContact;
import io.hallwatch.marketing.domain.customers.SpendBand;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Entity
@Table(name = "customer_profile")
public class CustomerProfileEntity extends PanacheEntityBase {
    @Id
    @Column(name = "customer_ref")
    public String customerRef;
    @Column(name = "current_plan")
    public String currentPlan;
    @Enumerated(EnumType.STRING)
    @Column(name = "spend_band")
    public SpendBand spendBand;
    @Column(name = "data_used_mb")
    public Long dataUsedMb;
    @Column(name = "data_allowance_mb")
    public Long dataAllowanceMb;
    @Column(name = "has_broadband")
    public boolean hasBroadband;
    @Column(name = "contract_end")
    public LocalDate contractEnd;
    @Column(name = "group_ref")
    public String groupRef;
    @Column(name = "marketing_opt_out")
    public boolean marketingOptOut;
    @Column(name = "imported_at")
    public Instant importedAt;

    CustomerProfile toDomain(List<PastContact> contacts) {
        return new CustomerProfile(customerRef, currentPlan, spendBand, dataUsedMb, dataAllowanceMb, hasBroadband,
                contractEnd, groupRef, marketingOptOut, contacts);
    }

    void apply(CustomerProfile p, Instant now) {
        customerRef = p.customerRef();
        currentPlan = p.currentPlan();
        spendBand = p.spendBand();
        dataUsedMb = p.dataUsedMb();
        dataAllowanceMb = p.dataAllowanceMb();
        hasBroadband = p.hasBroadband();
        contractEnd = p.contractEnd();
        groupRef = p.groupRef();
        marketingOptOut = p.marketingOptOut();
        importedAt = now;
    }
}
