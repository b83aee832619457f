package io.hallwatch.marketing.store.customers;

import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.domain.customers.Contact;
import io.hallwatch.marketing.domain.customers.ContactHistory;
import io.hallwatch.marketing.domain.customers.ContactResult;
import io.hallwatch.marketing.domain.customers.ContactSource;
import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.PastContact;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Customer profiles (from the CRM import) and every customer's contact history: the
 * {@code customer_profile} and {@code customer_contact} tables.
 */
@ApplicationScoped
public class CustomerStore {

    private final MarketingConfig config;

    private final EntityManager entities;

    CustomerStore(MarketingConfig config, EntityManager entities) {
        this.config = config;
        this.entities = entities;
    }

    /**
     * Writes the profiles in the order given, replacing what an earlier import said of the same
     * customers including their CRM contact history; contacts recorded here stay. Each customer is
     * upserted and stays locked until commit (see {@link CrmImportWriter}), so the caller gives them
     * in one fixed order (two imports then never wait on each other in a cycle).
     *
     * @return how many of them were new
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int writeAll(List<CustomerProfile> inLockOrder, Instant now) {
        return entities.unwrap(Session.class).doReturningWork(connection -> {
            try (CrmImportWriter writer = new CrmImportWriter(connection, config.zone())) {
                int count = 0;
                for (CustomerProfile p : inLockOrder) {
                    count += writer.write(p, now) ? 1 : 0;
                }
                return count;
            }
        });
    }

    public Optional<CustomerProfile> find(String customerRef) {
        if (customerRef == null) {
            return Optional.empty();
        }
        return CustomerProfileEntity.<CustomerProfileEntity>findByIdOptional(customerRef)
                .map(e -> e.toDomain(crmContacts(customerRef)));
    }

    /**
     * The profiles and contact histories of {@code customerRefs}, in two queries, for a poll of
     * events that advises several customers (the consumer does not change them, so they are read
     * once for the whole poll).
     */
    public Known of(Collection<String> customerRefs) {
        Set<String> refs = customerRefs.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        if (refs.isEmpty()) {
            return new Known(refs, Map.of(), Map.of());
        }
        Map<String, List<CustomerContactEntity>> contacts = CustomerContactEntity.<CustomerContactEntity>list(
                "customerRef in ?1", Sort.by("id"), refs).stream().collect(Collectors.groupingBy(c -> c.customerRef));
        Map<String, CustomerProfile> profiles = new HashMap<>();
        for (CustomerProfileEntity e : CustomerProfileEntity.<CustomerProfileEntity>list("customerRef in ?1", refs)) {
            List<CustomerContactEntity> own = contacts.getOrDefault(e.customerRef, List.of());
            profiles.put(e.customerRef, e.toDomain(own.stream().filter(c -> c.source == ContactSource.CRM)
                    .sorted(Comparator.comparing((CustomerContactEntity c) -> c.contactedAt)).map(this::past).toList()));
        }
        Map<String, ContactHistory> histories = new HashMap<>();
        contacts.forEach((ref, own) -> histories.put(ref, history(own)));
        return new Known(refs, profiles, histories);
    }

    /** What {@link #of} read: {@link #find} and {@link #history} for the customers it was asked for. */
    public static final class Known {
        private final Set<String> refs;
        private final Map<String, CustomerProfile> profiles;
        private final Map<String, ContactHistory> histories;

        private Known(Set<String> refs, Map<String, CustomerProfile> profiles, Map<String, ContactHistory> histories) {
            this.refs = refs;
            this.profiles = profiles;
            this.histories = histories;
        }

        public Optional<CustomerProfile> find(String customerRef) {
            return customerRef == null ? Optional.empty() : Optional.ofNullable(profiles.get(read(customerRef)));
        }

        public ContactHistory history(String customerRef) {
            return customerRef == null ? ContactHistory.empty() : histories.getOrDefault(read(customerRef), ContactHistory.empty());
        }

        /** A customer not read might have a profile: reading it as unknown would advise wrongly. */
        private String read(String customerRef) {
            if (!refs.contains(customerRef)) {
                throw new IllegalStateException("Customer " + customerRef + " was not read for this poll");
            }
            return customerRef;
        }
    }

    /** All contacts with the customer, from the CRM and from here. */
    public ContactHistory history(String customerRef) {
        if (customerRef == null) {
            return ContactHistory.empty();
        }
        return history(CustomerContactEntity.list("customerRef", customerRef));
    }

    private static ContactHistory history(List<CustomerContactEntity> contacts) {
        return new ContactHistory(contacts.stream().map(c -> new Contact(c.contactedAt, c.offerCode, c.result)).toList());
    }

    private PastContact past(CustomerContactEntity c) {
        return new PastContact(LocalDate.ofInstant(c.contactedAt, config.zone()), c.offerCode, c.result);
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
                        Sort.by("contactedAt"), customerRef, ContactSource.CRM).stream().map(this::past).toList();
    }
}
