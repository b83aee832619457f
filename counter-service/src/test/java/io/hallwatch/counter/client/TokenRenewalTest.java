package io.hallwatch.counter.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenRenewalTest {
    private static final Duration LIFE = Duration.ofMinutes(10);
    private static final Instant EXPIRES = Instant.parse("2026-11-24T10:10:00Z");

    @Test
    void a_first_token_is_always_due() {
        assertTrue(TokenRenewal.due(null, LIFE, EXPIRES));
    }

    @Test
    void a_token_is_kept_while_more_than_a_quarter_of_its_life_is_left() {
        assertFalse(TokenRenewal.due(EXPIRES, LIFE, EXPIRES.minus(LIFE)));
        assertFalse(TokenRenewal.due(EXPIRES, LIFE, EXPIRES.minusSeconds(151)));
    }

    @Test
    void a_token_is_replaced_in_its_last_quarter_and_after_it_expired() {
        assertTrue(TokenRenewal.due(EXPIRES, LIFE, EXPIRES.minusSeconds(150)));
        assertTrue(TokenRenewal.due(EXPIRES, LIFE, EXPIRES.plusSeconds(1)));
    }
}
