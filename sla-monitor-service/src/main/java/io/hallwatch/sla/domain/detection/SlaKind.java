package io.hallwatch.sla.domain.detection;

import io.hallwatch.events.SlaRule;

/** What the monitor can find: a warning or a breach of one rule. One of each per ticket, at most. */
public enum SlaKind {
    WAIT_WARNING(SlaRule.WAIT, false),
    WAIT_BREACH(SlaRule.WAIT, true),
    HANDLING_WARNING(SlaRule.HANDLING, false),
    HANDLING_BREACH(SlaRule.HANDLING, true),
    BRANCH_AVERAGE_BREACH(SlaRule.BRANCH_AVERAGE_WAIT, true);

    private final SlaRule rule;
    private final boolean breach;

    SlaKind(SlaRule rule, boolean breach) {
        this.rule = rule;
        this.breach = breach;
    }

    public SlaRule rule() {
        return rule;
    }

    public boolean isBreach() {
        return breach;
    }

    public String level() {
        return breach ? "BREACH" : "WARNING";
    }
}
