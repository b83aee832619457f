package io.hallwatch.sla.service.breach;

import io.hallwatch.sla.domain.breach.BreachFilter;
import io.hallwatch.sla.domain.breach.BreachPage;
import io.hallwatch.sla.store.breach.BreachStore;
import jakarta.enterprise.context.ApplicationScoped;

/** The findings as a duty manager or a dashboard looks through them: filtered, newest first, in pages. */
@ApplicationScoped
public class BreachQueries {
    private final BreachStore store;

    BreachQueries(BreachStore store) {
        this.store = store;
    }

    public BreachPage find(BreachFilter filter, int page, int size) {
        long total = store.count(filter);
        return new BreachPage(store.page(filter, page, size), page, size, total);
    }
}
