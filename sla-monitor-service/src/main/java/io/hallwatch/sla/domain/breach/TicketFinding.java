package io.hallwatch.sla.domain.breach;

import io.hallwatch.sla.domain.detection.Finding;
import io.hallwatch.sla.domain.detection.TicketFacts;

/** A finding about a ticket, as the ticket's facts stood when it was concluded. */
public record TicketFinding(TicketFacts facts, Finding finding) {

    /** Whether what the finding measures is over already: it is then stored resolved. */
    public boolean over() {
        return facts.isOver(finding.kind());
    }
}
