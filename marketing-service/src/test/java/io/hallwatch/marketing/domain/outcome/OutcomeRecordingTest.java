package io.hallwatch.marketing.domain.outcome;

import io.hallwatch.marketing.domain.customers.ContactResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static io.hallwatch.marketing.domain.outcome.OutcomeRecording.Verdict.*;
import static io.hallwatch.marketing.domain.outcome.OutcomeRecording.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OutcomeRecordingTest {

    @ParameterizedTest
    @EnumSource(OfferResult.class)
    void a_first_outcome_of_a_shown_offer_is_recorded(OfferResult result) {
        assertEquals(RECORD, judge(true, false, null, result));
    }

    @Test
    void without_an_offer_there_is_nothing_to_record() {
        assertEquals(NO_OFFER, judge(false, false, null, OfferResult.ACCEPTED));
        assertEquals(NO_OFFER, judge(false, true, null, OfferResult.DECLINED));
    }

    @Test
    void the_same_outcome_again_is_a_repeat_and_another_is_a_conflict() {
        assertEquals(REPEAT, judge(true, false, OfferResult.INTERESTED, OfferResult.INTERESTED));
        assertEquals(ALREADY_RECORDED, judge(true, false, OfferResult.INTERESTED, OfferResult.ACCEPTED));
    }

    @Test
    void replaced_advice_takes_no_new_outcome_but_keeps_the_one_it_had() {
        assertEquals(SUPERSEDED, judge(true, true, null, OfferResult.ACCEPTED));
        assertEquals(REPEAT, judge(true, true, OfferResult.ACCEPTED, OfferResult.ACCEPTED));
    }

    @Test
    void only_a_pitch_that_happened_is_a_contact() {
        assertEquals(Optional.of(ContactResult.ACCEPTED), OfferResult.ACCEPTED.contact());
        assertEquals(Optional.of(ContactResult.DECLINED), OfferResult.DECLINED.contact());
        assertEquals(Optional.of(ContactResult.INTERESTED), OfferResult.INTERESTED.contact());
        assertEquals(Optional.empty(), OfferResult.NOT_PITCHED.contact());
    }
}
