package io.hallwatch.queue.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of business a branch serves, with its ticket prefix and handling-time limit. */
@Entity
@Table(name = "business_type")
public class BusinessType extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "ticket_prefix")
    public String ticketPrefix;
    public String name;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "handling_limit_seconds")
    public int handlingLimitSeconds;
    /** True where the operator's service standard sets the limit, false for a configurable default. */
    @Column(name = "limit_from_standard")
    public boolean limitFromStandard;

    public char prefix() {
        return ticketPrefix.charAt(0);
    }
}
