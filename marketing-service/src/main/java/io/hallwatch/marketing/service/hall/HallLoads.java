package io.hallwatch.marketing.service.hall;

import io.hallwatch.marketing.domain.hall.HallLoad;
import io.hallwatch.marketing.store.hall.HallLedger;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** The load marketing sizes pitches to, as it sees it now (the consumer counts it per event instead). */
@ApplicationScoped
public class HallLoads {

    private final HallLedger ledger;
    private final Clock clock;

    HallLoads(HallLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The customers waiting at {@code branchId} now, against the branch's busy threshold. */
    public HallLoad now(String branchId) {
        return ledger.load(branchId, clock.instant());
    }
}
