package io.hallwatch.queue.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;

/** A business hall (营业厅): its time zone, opening hours and the business types it offers ({@link BranchSetup} reads them). */
@Entity
@Table(name = "branch")
public class Branch extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "opens_at")
    public LocalTime opensAt;
    @Column(name = "closes_at")
    public LocalTime closesAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "branch_business_type", joinColumns = @JoinColumn(name = "branch_id"))
    @Column(name = "business_type_code")
    public Set<String> businessTypes = new HashSet<>();
}
