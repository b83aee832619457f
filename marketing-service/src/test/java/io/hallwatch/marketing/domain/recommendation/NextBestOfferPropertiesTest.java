package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.catalogue.BroadbandCondition;
import io.hallwatch.marketing.domain.catalogue.Eligibility;
import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.customers.Contact;
import io.hallwatch.marketing.domain.customers.ContactHistory;
import io.hallwatch.marketing.domain.customers.ContactResult;
import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.SpendBand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.hallwatch.marketing.domain.recommendation.Fixtures.NOW;
import static io.hallwatch.marketing.domain.recommendation.Fixtures.RULES;
import static io.hallwatch.marketing.domain.recommendation.Fixtures.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promises of the rules over thousands of random customers, histories and catalogues: they must
 * hold for every input, not just the hand-picked ones.
 */
class NextBestOfferPropertiesTest {
    private static final String[] TYPES = {"PAYMENT", "GENERAL", "NEW_LINE", "BROADBAND", "CONSULT", "COMPLAINT"};
    private static final int RUNS = 3000;

    private final NextBestOffer rules = new NextBestOffer(RULES, ZONE);
    private final Random random = new Random(20261124);

    @Test
    void the_rules_keep_their_promises_for_any_customer() {
        LocalDate today = LocalDate.ofInstant(NOW, ZONE);
        for (int run = 0; run < RUNS; run++) {
            CustomerProfile profile = random.nextInt(5) == 0 ? null : randomProfile();
            ContactHistory history = randomHistory();
            List<Offer> catalogue = randomCatalogue();
            String type = TYPES[random.nextInt(TYPES.length)];
            OfferDecision d = rules.decide(profile, history, type, catalogue, NOW);
            String context = "run " + run + ": " + profile + " " + history + " " + type;

            if (profile != null && profile.marketingOptOut()) {
                assertEquals(NoOfferReason.OPTED_OUT, d.reason(), context);
            }
            if (history.countBetween(NOW.minus(RULES.window()), NOW) >= RULES.cap()) {
                assertTrue(d.offer().isEmpty(), context);
            }
            for (ScoredOffer s : d.ranked()) {
                Offer o = s.offer();
                assertTrue(o.validOn(today), context);
                assertTrue(o.eligibility().admits(profile, today), context);
                assertTrue(!history.accepted(o.code()), context);
                assertTrue(history.declinesOf(o.code(), NOW.minus(RULES.declineWindow()), NOW) < RULES.maxDeclines(), context);
                assertTrue(s.score() >= RULES.minScore(), context);
            }
            for (int i = 1; i < d.ranked().size(); i++) {
                assertTrue(d.ranked().get(i - 1).score() >= d.ranked().get(i).score(), context);
            }
            d.offer().ifPresent(best -> assertEquals(d.ranked().get(0), best));

            List<Offer> shuffled = new ArrayList<>(catalogue);
            Collections.shuffle(shuffled, random);
            assertEquals(d, rules.decide(profile, history, type, shuffled, NOW), "order of the catalogue matters: " + context);
        }
    }

    @Test
    void a_decline_never_raises_an_offer() {
        for (int run = 0; run < RUNS; run++) {
            CustomerProfile profile = randomProfile();
            ContactHistory history = randomHistory();
            List<Offer> catalogue = randomCatalogue();
            String type = TYPES[random.nextInt(TYPES.length)];
            Offer target = catalogue.get(random.nextInt(catalogue.size()));
            List<Contact> more = new ArrayList<>(history.contacts());
            more.add(new Contact(NOW.minus(Duration.ofDays(40)), target.code(), ContactResult.DECLINED));
            int before = rules.score(target, profile, history, type, NOW);
            int after = rules.score(target, profile, new ContactHistory(more), type, NOW);
            assertTrue(after < before, "run " + run);
        }
    }

    private CustomerProfile randomProfile() {
        Long allowance = random.nextInt(4) == 0 ? null : (long) (1 + random.nextInt(20_000));
        Long used = random.nextInt(4) == 0 ? null : (long) random.nextInt(25_000);
        SpendBand band = random.nextInt(5) == 0 ? null : SpendBand.values()[random.nextInt(4)];
        LocalDate contractEnd = random.nextBoolean() ? null : LocalDate.ofInstant(NOW, ZONE).plusDays(random.nextInt(200) - 50);
        return new CustomerProfile("C-" + random.nextInt(1000), null, band, used, allowance, random.nextBoolean(),
                contractEnd, random.nextBoolean() ? "GRP-" + random.nextInt(5) : null, random.nextInt(6) == 0, List.of());
    }

    private ContactHistory randomHistory() {
        List<Contact> contacts = new ArrayList<>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String offer = random.nextInt(4) == 0 ? null : "O" + random.nextInt(8);
            ContactResult result = random.nextInt(4) == 0 ? null : ContactResult.values()[random.nextInt(3)];
            contacts.add(new Contact(NOW.minus(Duration.ofHours(random.nextInt(24 * 150))), offer, result));
        }
        return new ContactHistory(contacts);
    }

    private List<Offer> randomCatalogue() {
        List<Offer> offers = new ArrayList<>();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            Eligibility e = new Eligibility(
                    random.nextInt(3) == 0 ? random.nextInt(120) : null,
                    BroadbandCondition.values()[random.nextInt(3)],
                    random.nextInt(4) == 0,
                    random.nextInt(3) == 0 ? SpendBand.values()[random.nextInt(4)] : null,
                    random.nextInt(4) == 0 ? random.nextInt(90) : null);
            LocalDate from = LocalDate.ofInstant(NOW, ZONE).plusDays(random.nextInt(40) - 30);
            LocalDate to = random.nextBoolean() ? null : from.plusDays(random.nextInt(60));
            offers.add(new Offer("O" + i, "O", "O", "C", "s", "f", null,
                    new java.util.HashSet<>(List.of(TYPES[random.nextInt(TYPES.length)], TYPES[random.nextInt(TYPES.length)])), e,
                    random.nextInt(30), from, to));
        }
        return offers;
    }
}
