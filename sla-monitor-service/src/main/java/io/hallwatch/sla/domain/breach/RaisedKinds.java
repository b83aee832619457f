package io.hallwatch.sla.domain.breach;

import io.hallwatch.sla.domain.detection.SlaKind;

import java.util.EnumSet;
import java.util.Set;

/** A ticket's raised kinds, and those of them still open (to be closed when what they measure is over). */
public record RaisedKinds(Set<SlaKind> kinds, Set<SlaKind> open) {
    public static RaisedKinds none() {
        return new RaisedKinds(EnumSet.noneOf(SlaKind.class), EnumSet.noneOf(SlaKind.class));
    }
}
