package io.hallwatch.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the instants of events: the envelope's {@code time} and every time in a payload.
 * What every producer of ours writes ({@link Instant#toString()}: {@code 2026-12-04T09:12:33.120Z})
 * is read digit by digit; anything else (an offset, a leap second, a malformed value) goes to the
 * JDK's parser, so that what is accepted and rejected, and how, is exactly {@link Instant#parse}'s.
 * The JDK's {@code DateTimeFormatter} builds a parse context, a field map and a resolver per value:
 * with three or four instants in each event it was close to half of decoding an event, and decoding
 * close to half of the SLA monitor's consumer CPU (bench/README.md, 2).
 */
final class EventTime {
    private EventTime() {
    }

    static Instant parse(String text) {
        Instant fast = readUtc(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant, if {@code text} is UTC with a four-digit year and valid fields; otherwise null. */
    static Instant readUtc(CharSequence text) {
        int length = text.length();
        // yyyy-MM-ddTHH:mm:ssZ, optionally with 1 to 9 digits of fraction after a dot.
        if (length < 20 || length > 30 || length == 21 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nano = 0;
        if (length > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, length - 21);
            if (fraction < 0) {
                return null;
            }
            nano = fraction;
            for (int i = length - 21; i < 9; i++) {
                nano *= 10;
            }
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(LocalDateTime.of(year, month, day, hour, minute, second)
                    .toEpochSecond(ZoneOffset.UTC), nano);
        } catch (DateTimeException e) {
            return null; // February 30th, second 60...: the JDK's parser says what is wrong
        }
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Jackson's reader of instants with {@link #readUtc} in front; everything else is left to it. */
    static final class Deserializer extends StdScalarDeserializer<Instant> {
        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = readUtc(parser.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
