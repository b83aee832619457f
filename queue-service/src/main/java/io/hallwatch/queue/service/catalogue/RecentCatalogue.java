package io.hallwatch.queue.service.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.hallwatch.queue.domain.catalogue.BranchSetup;
import io.hallwatch.queue.domain.catalogue.BusinessTypeSetup;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Branch and business-type set-ups as read at most {@code maxAge} ago. Every kiosk request needs
 * both and admins change them a few times a year: two of a ticket issue's ten database round trips
 * were these reads. A change made through this replica is seen at once (the admin API invalidates
 * after commit); one made through another replica within {@code maxAge}, because entries expire a
 * fixed time after they were read, not after they were last used.
 */
final class RecentCatalogue {
    /** Far more branches and types than an operator has; bounds memory if ids are made up. */
    private static final int MAX_ENTRIES = 100_000;

    private final Cache<String, BranchSetup> branches;
    private final Cache<String, BusinessTypeSetup> types;

    RecentCatalogue(Duration maxAge, Ticker ticker) {
        this.branches = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(MAX_ENTRIES).ticker(ticker).recordStats().build();
        this.types = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(MAX_ENTRIES).ticker(ticker).recordStats().build();
    }

    /** Unknown ids are not remembered: a branch created a moment later is found at once. */
    Optional<BranchSetup> branch(String id, Function<String, BranchSetup> load) {
        return Optional.ofNullable(branches.get(id, load));
    }

    Optional<BusinessTypeSetup> type(String code, Function<String, BusinessTypeSetup> load) {
        return Optional.ofNullable(types.get(code, load));
    }

    void forgetBranch(String id) {
        branches.invalidate(id);
    }

    void forgetType(String code) {
        types.invalidate(code);
    }

    Cache<String, BranchSetup> branches() {
        return branches;
    }

    Cache<String, BusinessTypeSetup> types() {
        return types;
    }
}
