package io.hallwatch.queue.service.day;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.queue.domain.catalogue.BranchSetup;
import io.hallwatch.queue.domain.day.DayExtension;
import io.hallwatch.queue.domain.day.DayState;
import io.hallwatch.queue.domain.day.ServiceDay;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.store.day.DayStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A branch's service day as the API and the kiosk see it: which day a ticket issued now belongs to (or the
 * {@code branch-closed} problem), the duty manager's extensions, and the day's report. The rule is the pure
 * {@link ServiceDay}; the day's end is {@link DayCloser}'s.
 */
@ApplicationScoped
public class DayService {
    private static final Logger LOG = Logger.getLogger(DayService.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CatalogueService catalogue;
    private final DayStore days;
    private final Clock clock;

    DayService(CatalogueService catalogue, DayStore days, Clock clock) {
        this.catalogue = catalogue;
        this.days = days;
        this.clock = clock;
    }

    /** A service day's set-up, extensions, state and ticket counts. */
    public record DayReport(String branchId, LocalDate serviceDay, BranchSetup branch, Instant opensAt, Instant regularClosesAt,
                            Instant closesAt, Instant closeDueAt, DayState state, List<DayExtension> extensions,
                            Map<String, Long> ticketsByStatus, long walkIns, Map<String, Long> outOfOrderCallsByClerk,
                            DayStore.BeforeArrival beforeArrival) {
    }

    /**
     * The service day a ticket issued at {@code now} belongs to, or 409 {@code branch-closed} saying when the branch
     * opens: nothing is written.
     */
    public LocalDate openDayFor(BranchSetup branch, Instant now) {
        ServiceDay rule = branch.serviceDay();
        return rule.openDay(now, d -> days.extension(branch.id(), d)).orElseThrow(() -> {
            Instant next = rule.nextOpening(now);
            return new ProblemException(409, "branch-closed", "Branch closed", branch.name() + " (" + branch.id()
                    + ") is closed: it is open " + branch.opensAt() + "–" + branch.closesAt() + " " + branch.zone()
                    + " time and opens again at " + LOCAL.format(next.atZone(branch.zone())) + " (" + next + ")");
        });
    }

    /**
     * Keeps the branch open until {@code until}: the day it extends is the last one that opened before it, so an end
     * past midnight extends the evening before. 409 {@code day-already-closed} once that day ended (its open tickets
     * are closed), 422 {@code invalid-extension} for an end not after the regular closing or not ahead.
     */
    @Transactional
    public DayExtension extend(String branchId, Instant until, String reason, String requestedBy) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        ServiceDay rule = branch.serviceDay();
        Optional<ServiceDay.Refused> tooFar = rule.refusal(until, Optional.empty(), clock.instant())
                .filter(r -> r.reason() == ServiceDay.Refusal.TOO_FAR);
        if (tooFar.isPresent()) {
            throw new ProblemException(422, "invalid-extension", "Invalid extension", tooFar.get().detail());
        }
        LocalDate day = rule.extendedDay(until);
        days.lockDay(branchId, day);
        Instant now = clock.instant();
        Optional<ServiceDay.Refused> refused = rule.refusal(until, days.extension(branchId, day), now);
        if (refused.isPresent()) {
            ServiceDay.Refused r = refused.get();
            throw r.reason() == ServiceDay.Refusal.DAY_OVER
                    ? ProblemException.conflict("day-already-closed", r.detail())
                    : new ProblemException(422, "invalid-extension", "Invalid extension", r.detail());
        }
        DayExtension extension = new DayExtension(TimeOrderedIds.next(), branchId, day, until, reason, requestedBy, now);
        days.insert(extension);
        LOG.infof("Service day %s of %s extended until %s by %s", day, branchId, until, requestedBy);
        return extension;
    }

    /** The report of a service day: 404 for an unknown branch. */
    public DayReport report(String branchId, LocalDate day) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        ServiceDay rule = branch.serviceDay();
        Optional<DayExtension> extension = days.extension(branchId, day);
        return new DayReport(branchId, day, branch, rule.opens(day), rule.regularClose(day), rule.closes(day, extension),
                rule.closeDue(day, extension), rule.state(day, extension, clock.instant()), days.extensions(branchId, day),
                days.ticketsByStatus(branchId, day), days.walkIns(branchId, day), days.outOfOrderCallsByClerk(branchId, day),
                days.beforeArrival(branchId, day, day.atStartOfDay(branch.zone()).toInstant(),
                        day.plusDays(1).atStartOfDay(branch.zone()).toInstant()));
    }

    /** The service day open now, else the one that opened last: what a day report without a date shows. */
    public LocalDate currentDay(String branchId) {
        BranchSetup branch = catalogue.branchSetup(branchId);
        ServiceDay rule = branch.serviceDay();
        Instant now = clock.instant();
        return rule.openDay(now, d -> days.extension(branchId, d)).orElseGet(() -> {
            LocalDate today = LocalDate.ofInstant(now, branch.zone());
            return now.isBefore(rule.opens(today)) ? today.minusDays(1) : today;
        });
    }

    /**
     * The day a report asks for: {@code date} as YYYY-MM-DD (the branch's local day), or without one
     * {@link #currentDay}. A malformed date is a 400 problem.
     */
    public LocalDate reportDay(String branchId, String date) {
        if (date == null || date.isBlank()) {
            return currentDay(branchId);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (java.time.DateTimeException e) {
            throw ProblemException.badRequest("invalid-parameter", "date must be a day as YYYY-MM-DD");
        }
        if (day.getYear() < 2000 || day.getYear() > 2999) {
            throw ProblemException.badRequest("invalid-parameter", "date must be a day between 2000 and 2999");
        }
        return day;
    }
}
