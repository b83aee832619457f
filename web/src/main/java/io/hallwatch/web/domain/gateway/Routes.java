package io.hallwatch.web.domain.gateway;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service owns an API path (under {@code /api/v1}), from the services' READMEs. The first
 * matching rule wins, so the more specific paths come first. A path no service owns is refused
 * by the gateway (404) rather than guessed.
 */
public final class Routes {
    private static final String SEG = "[A-Za-z0-9_.:-]{1,100}";

    private record Rule(Pattern path, Upstream upstream) {
    }

    private static final List<Rule> RULES = List.of(
            rule("branches/" + SEG + "/counters/" + SEG + "/recommendation", Upstream.MARKETING),
            rule("branches/" + SEG + "/counters(/.*)?", Upstream.COUNTER),
            rule("clerks/" + SEG + "/daily-report", Upstream.COUNTER),
            rule("branches/" + SEG + "/(clerk-reports|counter-settings)", Upstream.COUNTER),
            rule("branches", Upstream.QUEUE),
            rule("branches/" + SEG + "/(tickets|check-ins|queue|queue/call-next|service-day|day-extensions|eta-accuracy|staffing|neighbours)", Upstream.QUEUE),
            rule("branches/" + SEG, Upstream.QUEUE),
            rule("business-types(/" + SEG + ")?", Upstream.QUEUE),
            rule("tickets/" + SEG + "/turn-notice-contact", Upstream.SLA),
            rule("tickets/" + SEG + "(/(recall|no-show|cancel|transfer|park|turn-notice))?", Upstream.QUEUE),
            rule("branches/" + SEG + "/(alert-silences|duty-roster|sla-status|sla-report)(/.*)?", Upstream.SLA),
            rule("(alerts|breaches|sla-policies)(/.*)?", Upstream.SLA),
            rule("branches/" + SEG + "/(load|follow-ups)(/.*)?", Upstream.MARKETING),
            rule("(offers|campaigns|customers)(/.*)?", Upstream.MARKETING));

    private Routes() {
    }

    private static Rule rule(String regex, Upstream upstream) {
        return new Rule(Pattern.compile(regex), upstream);
    }

    /** The owner of {@code path} (relative to {@code /api/v1}, no leading slash), if any. */
    public static Optional<Upstream> owner(String path) {
        if (path == null || path.contains("..") || path.contains("//")) {
            return Optional.empty();
        }
        return RULES.stream().filter(r -> r.path.matcher(path).matches()).map(Rule::upstream).findFirst();
    }
}
