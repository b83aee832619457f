package io.hallwatch.marketing.recovery;

import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.marketing.recovery.domain.WaitBreach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The customers who waited longer than the standard, as the SLA monitor reports them (rule WAIT). */
@ApplicationScoped
public class WaitBreaches {

    /** Records the breach; false when it is not a customer's wait breach or was known already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(SlaBreached breach) {
        if (breach.rule() != SlaRule.WAIT || breach.ticketId() == null) {
            return false;
        }
        if (WaitBreachEntity.findById(breach.ticketId()) != null) {
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
        return true;
    }

    public Optional<WaitBreach> of(String ticketId) {
        return WaitBreachEntity.<WaitBreachEntity>findByIdOptional(ticketId)
                .map(e -> new WaitBreach(e.actualSeconds, e.limitSeconds));
    }
}
