package io.hallwatch.queue.domain.notice;

import io.hallwatch.queue.domain.ticket.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TurnNoticeRuleTest {

    @Test
    void a_waiting_customer_is_told_once_the_people_ahead_reach_the_branch_setting_or_fewer() {
        for (int setting = TurnNoticeRule.MIN_AHEAD; setting <= TurnNoticeRule.MAX_AHEAD; setting++) {
            for (int ahead = 0; ahead <= 30; ahead++) {
                assertEquals(ahead <= setting, TurnNoticeRule.tellNow(TicketStatus.WAITING, 0, false, ahead, setting),
                        ahead + " ahead, setting " + setting);
            }
        }
    }

    @Test
    void a_customer_already_told_is_never_told_again() {
        assertFalse(TurnNoticeRule.tellNow(TicketStatus.WAITING, 0, true, 0, 3));
        assertFalse(TurnNoticeRule.tellNow(TicketStatus.WAITING, 0, true, 3, 3));
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = "WAITING", mode = EnumSource.Mode.EXCLUDE)
    void a_ticket_that_no_longer_waits_is_never_told_and_takes_no_consent(TicketStatus status) {
        assertFalse(TurnNoticeRule.tellNow(status, 0, false, 0, 20));
        assertFalse(TurnNoticeRule.mayConsent(status, 0));
    }

    @Test
    void only_a_waiting_ticket_takes_the_consent() {
        assertTrue(TurnNoticeRule.mayConsent(TicketStatus.WAITING, 0));
    }

    @Test
    void a_visit_called_and_parked_back_waits_again_but_is_never_told() {
        assertFalse(TurnNoticeRule.mayConsent(TicketStatus.WAITING, 1));
        assertFalse(TurnNoticeRule.tellNow(TicketStatus.WAITING, 1, false, 0, 3));
    }

    @Test
    void the_branch_setting_is_one_to_twenty_people() {
        assertFalse(TurnNoticeRule.validAhead(0));
        assertTrue(TurnNoticeRule.validAhead(1));
        assertTrue(TurnNoticeRule.validAhead(3));
        assertTrue(TurnNoticeRule.validAhead(20));
        assertFalse(TurnNoticeRule.validAhead(21));
    }
}
