package io.hallwatch.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventTimeTest {

    @Test
    void reads_whatever_instant_to_string_writes_as_the_jdk_does() {
        SplittableRandom random = new SplittableRandom(20261205);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1), nanos);
            String text = instant.toString();
            assertEquals(instant, EventTime.readUtc(text), text);
            assertEquals(Instant.parse(text), EventTime.parse(text), text);
        }
    }

    /** {@code itself}: read digit by digit; otherwise left to the JDK, with the same result. */
    @ParameterizedTest
    @CsvSource({"2026-12-04T09:12:33.1Z, true", "2026-12-04T09:12:33.12Z, true", "2026-12-04T09:12:33.1234Z, true",
            "2026-12-04T09:12:33.12345678Z, true", "2024-02-29T23:59:59.999999999Z, true", "0000-01-01T00:00:00Z, true",
            "2026-12-04T09:12:33+08:00, false", "2026-12-04T01:12:33.5-01:30, false", "+12026-12-04T09:12:33Z, false",
            "2026-12-04T23:59:60Z, false", "2026-12-04T24:00:00Z, false", "2026-12-04T09:12:33.Z, false"})
    void reads_every_fraction_offset_and_odd_form_the_jdk_takes_as_the_jdk_does(String text, boolean itself) {
        assertEquals(itself, EventTime.readUtc(text) != null, text);
        assertEquals(Instant.parse(text), EventTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T09:12:33Z", "2026-13-04T09:12:33Z", "2026-12-32T09:12:33Z", 
            "2026-12-04T09:60:33Z", "2026-12-04T09:12:61Z", "2026-12-04T09:12:33.1234567890Z",
            "2026-12-04T09:12:33", "2026-12-04 09:12:33Z", "2026-12-04T09:12:3xZ", "2026-1a-04T09:12:33Z",
            "2026-12-04T09:12:33,5Z", "2026-12-04", "", "-026-12-04T09:12:33Z", "2026-12-04T09:12:33.12a4Z",
            "２０２６-12-04T09:12:33Z"})
    void rejects_what_the_jdk_rejects_with_the_jdk_message(String text) {
        assertNull(EventTime.readUtc(text));
        DateTimeParseException jdk = assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
        DateTimeParseException ours = assertThrows(DateTimeParseException.class, () -> EventTime.parse(text));
        assertEquals(jdk.getMessage(), ours.getMessage());
    }

    @Test
    void payload_times_are_read_as_the_jdk_reads_them() {
        TicketIssued issued = new TicketIssued("t-1", "BJ-001", "A001", "PAYMENT", CustomerTier.NORMAL,
                Instant.parse("2026-12-04T09:12:33.123456Z"), null);
        String json = new String(EventCodec.toBytes(CloudEvent.of("test", Instant.parse("2026-12-04T09:12:34Z"), issued)),
                StandardCharsets.UTF_8);
        for (String at : new String[]{"2026-12-04T17:12:33.123456+08:00", "2026-12-04T09:12:33.123456Z"}) {
            CloudEvent<?> read = EventCodec.fromJson(json.replace("2026-12-04T09:12:33.123456Z", at));
            assertEquals(Instant.parse("2026-12-04T09:12:33.123456Z"), ((TicketIssued) read.data()).issuedAt(), at);
        }
        assertThrows(MalformedEventException.class,
                () -> EventCodec.fromJson(json.replace("2026-12-04T09:12:33.123456Z", "2026-02-30T09:12:33Z")));
    }
}
