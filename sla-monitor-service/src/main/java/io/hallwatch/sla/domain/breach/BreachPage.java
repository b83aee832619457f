package io.hallwatch.sla.domain.breach;

import java.util.List;

/** One page of findings, newest first, and how many match in all. */
public record BreachPage(List<Breach> items, int page, int size, long total) {
}
