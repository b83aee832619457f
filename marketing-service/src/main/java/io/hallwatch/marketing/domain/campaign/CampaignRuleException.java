package io.hallwatch.marketing.domain.campaign;

import java.util.List;

/** A campaign plan or record that breaks the manual's rules; {@code problems} says which, one per line. */
public class CampaignRuleException extends RuntimeException {
    private final List<String> problems;

    public CampaignRuleException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
