package io.hallwatch.queue.domain.ticket;

import io.hallwatch.events.CustomerTier;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriageTest {

    @Test
    void payment_customers_are_steered_to_self_service() {
        assertEquals("SELF_SERVICE_PAYMENT", Triage.adviceFor("PAYMENT", CustomerTier.NORMAL).orElseThrow().code());
    }

    @Test
    void complaints_go_to_the_reception_room() {
        assertEquals("RECEPTION_ROOM", Triage.adviceFor("COMPLAINT", CustomerTier.NORMAL).orElseThrow().code());
    }

    @Test
    void new_lines_start_at_number_selection_and_vips_at_the_vip_area() {
        assertEquals("NUMBER_SELECTION_AREA", Triage.adviceFor("NEW_LINE", CustomerTier.NORMAL).orElseThrow().code());
        assertEquals("VIP_AREA", Triage.adviceFor("PAYMENT", CustomerTier.VIP).orElseThrow().code());
    }

    @Test
    void a_type_without_advice_gets_none() {
        assertTrue(Triage.adviceFor("GENERAL", CustomerTier.NORMAL).isEmpty());
        assertTrue(Triage.adviceFor("SOMETHING_NEW", CustomerTier.NORMAL).isEmpty());
    }
}
