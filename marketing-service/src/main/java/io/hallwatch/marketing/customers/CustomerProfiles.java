package io.hallwatch.marketing.customers;

import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.customers.domain.Contact;
import io.hallwatch.marketing.customers.domain.ContactHistory;
import io.hallwatch.marketing.customers.domain.ContactResult;
import io.hallwatch.marketing.customers.domain.CustomerProfile;
import io.hallwatch.marketing.customers.domain.PastContact;
import io.quarkus.panache.common.Sort;
import org.hibernate.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Customer profiles (from the CRM import) and every customer's contact history. */
@ApplicationScoped
public class CustomerProfiles {

    private final Clock clock;
    private final MarketingConfig config;

    private final EntityManager entities;

    CustomerProfiles(Clock clock, MarketingConfig config, EntityManager entities) {
        this.clock = clock;
        this.config = config;
        this.entities = entities;
    }

    public record ImportSummary(int created, int updated) {
    }

    /**
     * Stores the profiles, replacing what an earlier import said of the same customers (the CRM is
     * the truth about them) including their CRM contact history; contacts recorded here stay.
     * Safe to run twice at once with overlapping customers: each customer is upserted and locked
     * (see {@link CrmImportWriter}), in customerRef order so two imports never wait on each
     * other in a cycle; the later one wins, history included.
     */
    @Transactional
    public ImportSummary importAll(List<CustomerProfile> profiles) {
        Instant now = clock.instant();
        List<CustomerProfile> inLockOrder = profiles.stream()
                .sorted(Comparator.comparing(CustomerProfile::customerRef)).toList();
        int created = entities.unwrap(Session.class).doReturningWork(connection -> {
            try (CrmImportWriter writer = new CrmImportWriter(connection, config.zone())) {
                int count = 0;
                for (CustomerProfile p : inLockOrder) {
                    count += writer.write(p, now) ? 1 : 0;
                }
                return count;
            }
        });
        return new ImportSummary(created, profiles.size() - created);
    }

    public Optional<CustomerProfile> find(String customerRef) {
        if (customerRef == null) {
            return Optional.empty();
        }
        return CustomerProfileEntity.<CustomerProfileEntity>findByIdOptional(customerRef)
                .map(e -> e.toDomain(crmContacts(customerRef)));
    }

    /** All contacts with the customer, from the CRM and from here. */
    public ContactHistory history(String customerRef) {
        if (customerRef == null) {
            return ContactHistory.empty();
        }
        return new ContactHistory(CustomerContactEntity.<CustomerContactEntity>list("customerRef", customerRef).stream()
                .map(c -> new Contact(c.contactedAt, c.offerCode, c.result)).toList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordContact(String customerRef, Instant at, String offerCode, ContactResult result, ContactSource source) {
        if (customerRef == null) {
            return;
        }
        CustomerContactEntity contact = new CustomerContactEntity();
        contact.customerRef = customerRef;
        contact.contactedAt = at;
        contact.offerCode = offerCode;
        contact.result = result;
        contact.source = source;
        contact.persist();
    }

    private List<PastContact> crmContacts(String customerRef) {
        return CustomerContactEntity.<CustomerContactEntity>list("customerRef = ?1 and source = ?2",
                        Sort.by("contactedAt"), customerRef, ContactSource.CRM).stream()
                .map(c -> new PastContact(LocalDate.ofInstant(c.contactedAt, config.zone()), c.offerCode, c.result))
                .toList();
    }
}
