package io.hallwatch.marketing.store.hall;

import io.hallwatch.common.retention.IdDays;
import io.hallwatch.marketing.config.BranchSettings;
import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.domain.hall.HallLoad;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The live queue of every branch, derived from the ticket events marketing consumes (it asks no
 * other service): a ticket waits from its issue (or its transfer into another queue) until it is
 * called, cancelled or a no-show. Service events also end a wait, because the services topic may
 * run ahead of the tickets topic. A ticket left waiting longer than the stale limit (the hall
 * closed without events) is not counted. The consumer changes it through a {@link LiveHall}.
 */
@ApplicationScoped
public class HallLedger {

    private final MarketingConfig config;
    private final BranchSettings branches;

    HallLedger(MarketingConfig config, BranchSettings branches) {
        this.config = config;
        this.branches = branches;
    }

    /** The customers waiting at {@code branchId} at {@code at}, against the branch's busy threshold. */
    public HallLoad load(String branchId, Instant at) {
        long waiting = HallTicketEntity.count(
                IdDays.liveIds("ticketId") + " and branchId = ?1 and waitingSince is not null and waitingSince <= ?2 and waitingSince > ?3",
                branchId, at, at.minus(config.load().staleAfter()));
        return new HallLoad((int) Math.min(Integer.MAX_VALUE, waiting), branches.busyThreshold(branchId));
    }

    /**
     * The hall a poll of events works on, in one query: the tickets {@code ticketIds}, and every
     * ticket that may still count as waiting at {@code countedBranches} from {@code countedFrom} on
     * (so that {@link LiveHall#load} can count them in memory for any later moment).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LiveHall open(Collection<String> ticketIds, Set<String> countedBranches, Instant countedFrom) {
        Duration stale = config.load().staleAfter();
        List<HallTicketEntity> loaded;
        if (!countedBranches.isEmpty()) {
            // Older waits are stale at every moment the poll counts, so they need not be loaded. The tickets named are
            // loaded from any day (a late event of an old ticket must find it); the waiting ones only from the live days.
            loaded = HallTicketEntity.list("ticketId in ?1 or (" + IdDays.liveIds("ticketId")
                            + " and branchId in ?2 and waitingSince is not null and waitingSince > ?3)",
                    ticketIds.isEmpty() ? List.of("") : ticketIds, countedBranches, countedFrom.minus(stale));
        } else if (!ticketIds.isEmpty()) {
            loaded = HallTicketEntity.list("ticketId in ?1", ticketIds);
        } else {
            loaded = List.of();
        }
        return new LiveHall(ticketIds, loaded, countedBranches, countedBranches.isEmpty() ? Instant.MAX : countedFrom, stale, branches);
    }
}
