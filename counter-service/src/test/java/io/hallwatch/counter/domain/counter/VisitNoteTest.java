package io.hallwatch.counter.domain.counter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisitNoteTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "call back 138 1234 5678", "+86-138-1234-5678", "(020) 8888-8888",
            "客户电话１３８１２３４５６７８", "tel 020.8765.4321", "8765432", "手机：138　1234　5678"})
    void a_run_of_seven_or_more_digits_looks_like_a_phone_number(String note) {
        assertTrue(VisitNote.looksLikePhoneNumber(note), note);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "needs a copy of the ID card, back in 10 min", "2 SIMs, A023 transferred to NEW_LINE",
            "install booked 2026-11-24 14:30", "套餐 128 元，流量 30 GB", "续约至2026年12月31日", "order 123456"})
    void notes_without_one_pass(String note) {
        assertFalse(VisitNote.looksLikePhoneNumber(note), String.valueOf(note));
    }
}
