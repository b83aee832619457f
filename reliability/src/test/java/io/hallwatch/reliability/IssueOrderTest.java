package io.hallwatch.reliability;

import io.hallwatch.reliability.IssueOrder.Issued;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IssueOrderTest {

    @Test
    void numbers_increasing_per_business_type_and_branch_are_in_order() {
        assertTrue(IssueOrder.violations(List.of(new Issued("e1", "B1", "A001"), new Issued("e2", "B1", "G001"),
                new Issued("e3", "B2", "A001"), new Issued("e4", "B1", "A002"), new Issued("e5", "B1", "G002"))).isEmpty());
    }

    @Test
    void a_later_number_before_an_earlier_one_of_the_same_branch_and_type_is_reported() {
        assertEquals(List.of("B1: A002 after A003"), IssueOrder.violations(List.of(new Issued("e1", "B1", "A001"),
                new Issued("e3", "B1", "A003"), new Issued("e2", "B1", "A002"))));
    }

    @Test
    void a_redelivered_event_is_not_a_reordering() {
        assertTrue(IssueOrder.violations(List.of(new Issued("e1", "B1", "A001"), new Issued("e2", "B1", "A002"),
                new Issued("e1", "B1", "A001"), new Issued("e3", "B1", "A003"))).isEmpty());
    }
}
