package io.hallwatch.marketing.service.recommendation;

import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.domain.recommendation.ContactRules;
import io.hallwatch.marketing.domain.recommendation.CounterAdvisor;
import io.hallwatch.marketing.domain.recommendation.NextBestOffer;
import io.hallwatch.marketing.domain.recommendation.PitchPolicy;
import io.hallwatch.marketing.domain.recommendation.PitchSettings;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * The pure rules, built once from the configuration. Built at start-up so that settings that make
 * no sense (a minimum budget above the maximum, say) stop the service instead of every consumer.
 */
@Startup
@Singleton
public class MarketingRules {

    private final CounterAdvisor advisor;

    MarketingRules(MarketingConfig config) {
        MarketingConfig.Contact c = config.contact();
        MarketingConfig.Pitch p = config.pitch();
        this.advisor = new CounterAdvisor(
                new NextBestOffer(new ContactRules(c.cap(), c.window(), c.maxDeclines(), c.declineWindow(), p.minScore()),
                        config.zone()),
                new PitchPolicy(new PitchSettings(p.shortSeconds(), p.minShortSeconds(), p.fullSeconds())));
    }

    public CounterAdvisor advisor() {
        return advisor;
    }
}
