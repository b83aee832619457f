package io.hallwatch.queue.service.catalogue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.hallwatch.common.AfterCommit;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.catalogue.Branch;
import io.hallwatch.queue.domain.catalogue.BranchSetup;
import io.hallwatch.queue.domain.catalogue.BusinessType;
import io.hallwatch.queue.domain.catalogue.BusinessTypeSetup;
import io.hallwatch.queue.domain.catalogue.CatalogueEntry;
import io.hallwatch.common.standard.StandardReplica;
import io.hallwatch.common.standard.StandardResolver;
import io.hallwatch.events.StandardChanged;
import io.hallwatch.queue.store.catalogue.CatalogueStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The business-type catalogue and the branches' set-up, as the admin API changes them and as kiosk and
 * counter requests read them (reused for {@code hallwatch.queue.catalogue-max-age}, {@link RecentCatalogue}).
 * The types' limits are not the catalogue's: they come from the service standard ({@link StandardReplica}).
 */
@ApplicationScoped
public class CatalogueService {
    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    private final RecentCatalogue recent;
    private final AfterCommit afterCommit;
    private final CatalogueStore store;

    private final StandardReplica standard;
    private final QueueConfig.Day dayDefaults;

    CatalogueService(QueueConfig config, MeterRegistry registry, AfterCommit afterCommit, CatalogueStore store,
                     StandardReplica standard) {
        this.store = store;
        this.standard = standard;
        this.recent = new RecentCatalogue(config.catalogueMaxAge(), Ticker.systemTicker());
        this.afterCommit = afterCommit;
        this.dayDefaults = config.day();
        CaffeineCacheMetrics.monitor(registry, recent.branches(), "catalogue-branches");
        CaffeineCacheMetrics.monitor(registry, recent.types(), "catalogue-business-types");
    }

    /** A branch's set-up as read at most {@code hallwatch.queue.catalogue-max-age} ago. */
    public BranchSetup branchSetup(String branchId) {
        return recent.branch(branchId, id -> store.branch(id).map(BranchSetup::of).orElse(null)).orElseThrow(() -> ProblemException.notFound("branch-not-found", "No branch " + branchId));
    }

    /** A business type's set-up as read at most {@code hallwatch.queue.catalogue-max-age} ago. */
    public Optional<BusinessTypeSetup> businessTypeSetup(String code) {
        return recent.type(code, c -> store.type(c).map(BusinessTypeSetup::of).orElse(null));
    }

    /** A business type's set-up, or 400 {@code unknown-business-type}: the type a request names must exist. */
    public BusinessTypeSetup knownBusinessType(String code) {
        return businessTypeSetup(code).orElseThrow(
                () -> ProblemException.badRequest("unknown-business-type", "Unknown business type " + code));
    }

    /** A business type {@code branch} offers: 400 unknown-business-type, 422 business-type-not-offered where it does not. */
    public BusinessTypeSetup offeredBusinessType(BranchSetup branch, String code) {
        BusinessTypeSetup type = knownBusinessType(code);
        if (!branch.offers(type.code())) {
            throw new ProblemException(422, "business-type-not-offered", "Business type not offered",
                    branch.name() + " does not offer " + type.code());
        }
        return type;
    }

    /** Every business type with the limit the service standard in force gives it. */
    public List<CatalogueEntry> businessTypes() {
        StandardChanged version = standard.require();
        return store.types().stream().map(t -> entry(version, t)).toList();
    }

    public CatalogueEntry businessType(String code) {
        BusinessType type = store.type(code)
                .orElseThrow(() -> ProblemException.notFound("business-type-not-found", "No business type " + code));
        return entry(standard.require(), type);
    }

    private static CatalogueEntry entry(StandardChanged version, BusinessType type) {
        boolean own = version.standard().businessTypes().stream().anyMatch(l -> l.businessType().equals(type.code()));
        int limit = (int) StandardResolver.handlingLimit(version, null, type.code(), null).toSeconds();
        return new CatalogueEntry(type, limit, own);
    }

    /** Every branch, sorted by id. */
    public List<Branch> branches() {
        return store.branches();
    }

    public Branch branch(String branchId) {
        return store.branch(branchId).orElseThrow(() -> ProblemException.notFound("branch-not-found", "No branch " + branchId));
    }

    /** Creates or replaces a business type; returns true where it was created. */
    @Transactional
    public boolean putBusinessType(String code, String ticketPrefix, String name, String nameZh) {
        if (!code.matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw ProblemException.badRequest("invalid-business-type-code",
                    "A business type code is capital letters, digits and underscores, starting with a letter");
        }
        boolean created = store.type(code).isEmpty();
        Optional<BusinessType> samePrefix = store.typeWithPrefix(ticketPrefix);
        if (samePrefix.isPresent() && !samePrefix.get().code().equals(code)) {
            throw ProblemException.conflict("ticket-prefix-taken",
                    "Prefix " + ticketPrefix + " already numbers " + samePrefix.get().code() + " tickets");
        }
        store.putType(new BusinessType(code, ticketPrefix, name, nameZh));
        // Forgotten before the commit, the old row could be read again and kept for another max-age.
        afterCommit.run(() -> recent.forgetType(code));
        return created;
    }

    /**
     * Creates or replaces a branch ({@code timeZone} null or blank: {@value #DEFAULT_TIME_ZONE}; hours and grace null:
     * {@code hallwatch.queue.day.default-*}); returns true where it was created.
     */
    @Transactional
    public boolean putBranch(String branchId, String name, String timeZone, LocalTime opensAt, LocalTime closesAt,
                             Integer closeGraceMinutes, Set<String> businessTypes, Integer turnNoticeAhead) {
        if (!branchId.matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
            throw ProblemException.badRequest("invalid-branch-id",
                    "A branch id is 2 to 32 capital letters, digits and dashes, like GZ-TH-001");
        }
        String zone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("invalid-time-zone", "Unknown time zone " + zone);
        }
        opensAt = opensAt != null ? opensAt : dayDefaults.defaultOpensAt();
        closesAt = closesAt != null ? closesAt : dayDefaults.defaultClosesAt();
        int grace = closeGraceMinutes != null ? closeGraceMinutes : (int) dayDefaults.defaultCloseGrace().toMinutes();
        if (!opensAt.isBefore(closesAt)) {
            throw ProblemException.badRequest("invalid-opening-hours", "A branch must open before it closes, within one day "
                    + "(a day past midnight is a duty manager's extension)");
        }
        if (grace < 0 || grace > 720) {
            throw ProblemException.badRequest("invalid-opening-hours", "The grace after closing is 0 to 720 minutes");
        }
        Set<String> known = new HashSet<>();
        store.types().forEach(t -> known.add(t.code()));
        Set<String> unknown = new TreeSet<>(businessTypes);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown-business-type", "Unknown business types " + unknown);
        }
        boolean created = store.branch(branchId).isEmpty();
        int ahead = turnNoticeAhead != null ? turnNoticeAhead : Branch.DEFAULT_TURN_NOTICE_AHEAD;
        if (ahead < 1 || ahead > 20) {
            throw ProblemException.badRequest("validation", "turnNoticeAhead is 1 to 20 people");
        }
        store.putBranch(new Branch(branchId, name, zone, opensAt, closesAt, grace, businessTypes, ahead));
        afterCommit.run(() -> recent.forgetBranch(branchId));
        return created;
    }

    /** The branches a customer may be sent to from {@code branchId}, nearest first. */
    public List<CatalogueStore.Neighbour> neighbours(String branchId) {
        branch(branchId);
        return store.neighbours(branchId);
    }

    /** Replaces the branch's neighbours: each an existing other branch, at most once. */
    @Transactional
    public void putNeighbours(String branchId, List<CatalogueStore.Neighbour> neighbours) {
        branch(branchId);
        Set<String> seen = new HashSet<>();
        for (CatalogueStore.Neighbour n : neighbours) {
            if (n.branchId().equals(branchId)) {
                throw new ProblemException(422, "invalid-neighbour", "Invalid neighbour", "A branch is not its own neighbour");
            }
            if (!seen.add(n.branchId())) {
                throw new ProblemException(422, "invalid-neighbour", "Invalid neighbour", n.branchId() + " is named twice");
            }
            if (store.branch(n.branchId()).isEmpty()) {
                throw new ProblemException(422, "invalid-neighbour", "Invalid neighbour", "No branch " + n.branchId());
            }
        }
        store.putNeighbours(branchId, neighbours);
    }
}
