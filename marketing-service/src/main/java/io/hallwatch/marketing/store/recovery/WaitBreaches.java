package io.hallwatch.marketing.store.recovery;

import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.marketing.domain.recovery.WaitBreach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The customers who waited longer than the standard, as the SLA monitor reports them (rule WAIT). */
@ApplicationScoped
public class WaitBreaches {

    /** The breaches known for {@code ticketIds}, in one query, for a poll of events to read and add to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Known of(Collection<String> ticketIds) {
        List<WaitBreachEntity> loaded = ticketIds.isEmpty() ? List.of()
                : WaitBreachEntity.list("ticketId in ?1", ticketIds);
        return new Known(Set.copyOf(ticketIds), loaded);
    }

    /**
     * The wait breaches of a poll's tickets: those loaded, and those the poll records. A ticket
     * asked for without a loaded breach has none, so asking costs no query.
     */
    public static final class Known {
        private final Set<String> tickets;
        private final Map<String, WaitBreachEntity> byTicket = new HashMap<>();

        private Known(Set<String> tickets, List<WaitBreachEntity> loaded) {
            this.tickets = tickets;
            loaded.forEach(e -> byTicket.put(e.ticketId, e));
        }

        /** Records the breach; false when it is not a customer's wait breach or was known already. */
        public boolean record(SlaBreached breach) {
            if (breach.rule() != SlaRule.WAIT || breach.ticketId() == null || byTicket.containsKey(loaded(breach.ticketId()))) {
                return false;
            }
            WaitBreachEntity e = new WaitBreachEntity();
            e.ticketId = breach.ticketId();
            e.branchId = breach.branchId();
            e.breachId = breach.breachId();
            e.limitSeconds = breach.limitSeconds();
            e.actualSeconds = breach.actualSeconds();
            e.detectedAt = breach.detectedAt();
            e.persist();
            byTicket.put(e.ticketId, e);
            return true;
        }

        public Optional<WaitBreach> of(String ticketId) {
            return Optional.ofNullable(byTicket.get(loaded(ticketId))).map(e -> new WaitBreach(e.actualSeconds, e.limitSeconds));
        }

        /** A ticket not loaded might have a breach in the database: reading it as "none" would be wrong. */
        private String loaded(String ticketId) {
            if (!tickets.contains(ticketId)) {
                throw new IllegalStateException("The wait breaches of ticket " + ticketId + " were not loaded");
            }
            return ticketId;
        }
    }
}
