package io.hallwatch.sla.domain.notice;

import io.hallwatch.sla.domain.alerting.AlertMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of the turn notice: which numbers are taken, how they are shown, the text, and after a failure. */
class TurnNoticeRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "15900000000", "19999999999", "13000000000"})
    void a_mainland_mobile_number_is_taken(String phone) {
        assertTrue(PhoneNumbers.valid(phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1381234567", "138123456789", "12812345678", "23812345678", "+8613812345678",
            "138 1234 5678", "1381234567a", "０３８１２３４５６７８", "02012345678"})
    void anything_else_is_refused(String phone) {
        assertFalse(PhoneNumbers.valid(phone));
    }

    @Test
    void no_number_is_refused() {
        assertFalse(PhoneNumbers.valid(null));
    }

    @Test
    void a_number_is_shown_with_the_first_three_and_last_four_digits_only() {
        assertEquals("138****5678", PhoneNumbers.masked("13812345678"));
        assertEquals(null, PhoneNumbers.masked(null));
    }

    @Test
    void the_sms_carries_the_ticket_number_and_the_people_ahead_never_a_number() {
        AlertMessage m = TurnNoticeText.message("t-1", "GZ-TH-001", "A012", 3);
        assertEquals("您的 A012 号前面还有 3 位，请留意叫号。", m.title());
        assertEquals(List.of("A012", "3"), m.smsParams());
        assertEquals("turn-notice:t-1", m.alertId());
        assertEquals("GZ-TH-001", m.branchId());
    }

    @Test
    void a_retriable_failure_is_tried_again_up_to_the_limit_and_a_permanent_one_gives_up_at_once() {
        assertEquals(NoticeDelivery.AfterFailure.RETRY, NoticeDelivery.afterFailure(false, 1, 3));
        assertEquals(NoticeDelivery.AfterFailure.RETRY, NoticeDelivery.afterFailure(false, 2, 3));
        assertEquals(NoticeDelivery.AfterFailure.GIVE_UP, NoticeDelivery.afterFailure(false, 3, 3));
        assertEquals(NoticeDelivery.AfterFailure.GIVE_UP, NoticeDelivery.afterFailure(true, 1, 3));
    }

    @Test
    void the_backoff_doubles_up_to_its_ceiling() {
        Duration s = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(1), NoticeDelivery.backoff(1, s, max));
        assertEquals(Duration.ofSeconds(2), NoticeDelivery.backoff(2, s, max));
        assertEquals(Duration.ofSeconds(4), NoticeDelivery.backoff(3, s, max));
        assertEquals(max, NoticeDelivery.backoff(10, s, max));
    }

    @Test
    void the_contact_says_where_it_is_and_never_prints_its_number() {
        java.time.Instant t = java.time.Instant.parse("2026-11-24T02:00:00Z");
        TurnNoticeContact waiting = new TurnNoticeContact("t", "B", "13812345678", t, null, null, null, 0, null);
        assertEquals("WAITING", waiting.status());
        assertFalse(waiting.toString().contains("13812345678"));
        assertEquals("DUE", new TurnNoticeContact("t", "B", "13812345678", t, t, null, null, 0, null).status());
        assertEquals("SENT", new TurnNoticeContact("t", "B", null, t, t, t, null, 1, null).status());
        assertEquals("FAILED", new TurnNoticeContact("t", "B", null, t, t, null, t, 1, "x").status());
        assertTrue(new TurnNoticeContact("t", "B", null, t, t, t, null, 1, null).closed());
    }
}
