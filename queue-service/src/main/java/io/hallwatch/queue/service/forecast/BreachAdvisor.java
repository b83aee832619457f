package io.hallwatch.queue.service.forecast;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.queue.domain.catalogue.BranchSetup;
import io.hallwatch.queue.domain.forecast.BreachAdvice;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.domain.ticket.TicketStatus;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.service.day.DayService;
import io.hallwatch.queue.service.queue.CallPolicies;
import io.hallwatch.queue.store.catalogue.CatalogueStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a new ticket's estimate already exceeds its wait limit: the advice for the kiosk
 * ({@link BreachAdvice}), with each configured neighbour that is open now and offers the business
 * estimated as a customer issued there now would be (the same forecast, for a ticket that is not
 * written anywhere).
 */
@ApplicationScoped
public class BreachAdvisor {

    private final WaitForecasts forecasts;
    private final CatalogueService catalogue;
    private final DayService days;
    private final CallPolicies policies;

    BreachAdvisor(WaitForecasts forecasts, CatalogueService catalogue, DayService days, CallPolicies policies) {
        this.forecasts = forecasts;
        this.catalogue = catalogue;
        this.days = days;
        this.policies = policies;
    }

    public Optional<BreachAdvice> adviceFor(Ticket t, long estimatedSeconds, Instant now) {
        Duration limit = policies.waitLimit(t.branchId, t.businessType, t.tier);
        Duration estimate = Duration.ofSeconds(estimatedSeconds);
        if (estimate.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        List<BreachAdvice.NearbyBranch> nearby = new ArrayList<>();
        for (CatalogueStore.Neighbour n : catalogue.neighbours(t.branchId)) {
            BranchSetup there = catalogue.branchSetup(n.branchId());
            if (!there.offers(t.businessType)) {
                continue;
            }
            LocalDate day;
            try {
                day = days.openDayFor(there, now);
            } catch (ProblemException closed) {
                continue; // closed now: nowhere to send anyone
            }
            nearby.add(new BreachAdvice.NearbyBranch(there.id(), there.name(),
                    Duration.ofSeconds(forecasts.of(newcomer(t, there.id(), day, now), there.businessTypes(), now).seconds()),
                    Duration.ofMinutes(n.travelMinutes())));
        }
        return BreachAdvice.of(t.businessType, estimate, limit, nearby);
    }

    /** A customer of the same business and tier as if issued at {@code branchId} now. */
    private static Ticket newcomer(Ticket like, String branchId, LocalDate day, Instant now) {
        Ticket t = new Ticket();
        t.id = TimeOrderedIds.next();
        t.branchId = branchId;
        t.businessType = like.businessType;
        t.tier = like.tier;
        t.number = "Z9999";
        t.serviceDay = day;
        t.status = TicketStatus.WAITING;
        t.issuedAt = now;
        return t;
    }
}
