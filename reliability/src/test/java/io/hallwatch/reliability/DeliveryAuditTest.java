package io.hallwatch.reliability;

import io.hallwatch.reliability.DeliveryAudit.Published;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryAuditTest {

    @Test
    void every_accepted_request_stored_and_published_once_is_neither_lost_nor_doubled() {
        DeliveryAudit audit = DeliveryAudit.of(Set.of("t1", "t2"), List.of("t1", "t2"),
                List.of(new Published("e1", "t1"), new Published("e2", "t2")));
        assertEquals(0, audit.lost());
        assertEquals(0, audit.duplicated());
        assertEquals(2, audit.publishedEvents());
    }

    @Test
    void an_accepted_request_missing_from_the_database_or_the_topic_is_lost() {
        DeliveryAudit audit = DeliveryAudit.of(Set.of("t1", "t2", "t3"), List.of("t1", "t3"),
                List.of(new Published("e1", "t1"), new Published("e2", "t2")));
        assertEquals(Set.of("t2"), audit.lostInDatabase());
        assertEquals(Set.of("t3"), audit.lostOnTopic());
        assertEquals(2, audit.lost());
    }

    @Test
    void the_same_event_sent_again_is_a_redelivery_but_two_events_for_one_request_are_a_duplicate() {
        DeliveryAudit audit = DeliveryAudit.of(Set.of("t1", "t2"), List.of("t1", "t2", "t2"),
                List.of(new Published("e1", "t1"), new Published("e1", "t1"), new Published("e2", "t2"), new Published("e3", "t2")));
        assertEquals(1, audit.redelivered());
        assertEquals(Set.of("t2"), audit.doubledOnTopic());
        assertEquals(Set.of("t2"), audit.doubledInDatabase());
        assertEquals(1, audit.duplicated());
    }

    @Test
    void a_row_stored_for_a_request_whose_answer_was_lost_is_not_a_loss() {
        DeliveryAudit audit = DeliveryAudit.of(Set.of("t1"), List.of("t1", "t9"),
                List.of(new Published("e1", "t1"), new Published("e9", "t9")));
        assertEquals(0, audit.lost());
        assertEquals(0, audit.duplicated());
    }
}
