package io.hallwatch.queue.domain.ticket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TicketNumberTest {

    @Test
    void numbers_have_the_prefix_and_three_digits_then_four() {
        assertEquals("A001", TicketNumber.format('A', 1));
        assertEquals("A023", TicketNumber.format('A', 23));
        assertEquals("D999", TicketNumber.format('D', 999));
        assertEquals("D1000", TicketNumber.format('D', 1000));
        assertEquals("H9999", TicketNumber.format('H', TicketNumber.MAX_PER_DAY));
    }

    @Test
    void out_of_range_sequences_and_bad_prefixes_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> TicketNumber.format('A', 0));
        assertThrows(IllegalArgumentException.class, () -> TicketNumber.format('A', 10_000));
        assertThrows(IllegalArgumentException.class, () -> TicketNumber.format('a', 1));
        assertThrows(IllegalArgumentException.class, () -> TicketNumber.format('1', 1));
    }

    @Test
    void numbers_match_the_event_contract_pattern() {
        for (long n = 1; n <= TicketNumber.MAX_PER_DAY; n += 7) {
            assertEquals(true, TicketNumber.format('Z', n).matches("^[A-Z][0-9]{3,4}$"));
        }
    }
}
