package io.hallwatch.marketing.store.customers;

import io.hallwatch.marketing.domain.customers.ContactResult;
import io.hallwatch.marketing.domain.customers.ContactSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "customer_contact")
public class CustomerContactEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "customer_ref")
    public String customerRef;
    @Column(name = "contacted_at")
    public Instant contactedAt;
    @Column(name = "offer_code")
    public String offerCode;
    @Enumerated(EnumType.STRING)
    public ContactResult result;
    @Enumerated(EnumType.STRING)
    public ContactSource source;
}
