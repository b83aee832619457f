package io.hallwatch.marketing.domain.followup;

import io.hallwatch.marketing.domain.customers.ContactResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpTest {
    static final Instant T = Instant.parse("2026-11-24T02:00:00Z");

    @Test
    void a_follow_up_is_due_after_the_configured_delay_and_open() {
        FollowUp f = FollowUp.plan("GZ-1", "DATA-10G", "C-1", T, Duration.ofDays(3));
        assertEquals(T.plus(Duration.ofDays(3)), f.dueAt());
        assertTrue(f.open());
    }

    @Test
    void it_is_overdue_only_after_its_due_time_and_only_while_open() {
        FollowUp f = FollowUp.plan("GZ-1", "DATA-10G", "C-1", T, Duration.ofDays(3));
        assertFalse(f.overdue(f.dueAt()));
        assertTrue(f.overdue(f.dueAt().plusSeconds(1)));
        FollowUp closed = f.close(FollowUpResult.ACCEPTED, null, f.dueAt().plusSeconds(5));
        assertFalse(closed.overdue(f.dueAt().plusSeconds(10)));
    }

    @Test
    void closing_records_how_and_when() {
        FollowUp f = FollowUp.plan("GZ-1", "DATA-10G", null, T, Duration.ofDays(3));
        FollowUp closed = f.close(FollowUpResult.UNREACHABLE, "no answer twice", T.plusSeconds(60));
        assertFalse(closed.open());
        assertEquals(FollowUpResult.UNREACHABLE, closed.result());
        assertEquals("no answer twice", closed.note());
        assertEquals(T.plusSeconds(60), closed.closedAt());
        assertEquals(f.id(), closed.id());
    }

    @Test
    void closing_again_the_same_way_changes_nothing_another_way_is_refused() {
        FollowUp closed = FollowUp.plan("GZ-1", "CRBT", "C-1", T, Duration.ofDays(3))
                .close(FollowUpResult.DECLINED, null, T.plusSeconds(1));
        assertSame(closed, closed.close(FollowUpResult.DECLINED, "again", T.plusSeconds(2)));
        assertThrows(FollowUp.AlreadyClosedException.class, () -> closed.close(FollowUpResult.ACCEPTED, null, T.plusSeconds(3)));
    }

    @Test
    void an_unreachable_customer_was_not_contacted() {
        assertEquals(Optional.empty(), FollowUpResult.UNREACHABLE.contact());
        assertEquals(Optional.of(ContactResult.ACCEPTED), FollowUpResult.ACCEPTED.contact());
        assertEquals(Optional.of(ContactResult.DECLINED), FollowUpResult.DECLINED.contact());
    }

    @Test
    void inconsistent_follow_ups_cannot_exist() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> new FollowUp(id, "B", "O", null, T, T.minusSeconds(1), null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new FollowUp(id, "B", "O", null, T, T, FollowUpResult.ACCEPTED, null, null));
    }
}
