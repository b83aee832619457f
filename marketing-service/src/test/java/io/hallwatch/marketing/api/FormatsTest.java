package io.hallwatch.marketing.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The API's patterns in ECMA-262 form accept and reject exactly what the Java-only forms they replaced
 * did, as Bean Validation applies them (the whole value must match).
 */
class FormatsTest {

    /** The form before: {@code (?s)} is an inline flag JavaScript does not know. */
    private static final String OLD_NO_PHONE_NUMBER = "(?s)(?!.*[0-9]{7}).*";

    /** Free text, and whether a note, reason, site or surge plan may say it. */
    private static final Map<String, Boolean> FREE_TEXT = Map.ofEntries(
            Map.entry("", true),
            Map.entry("Call back after 6pm", true),
            Map.entry("ticket A123456", true),
            Map.entry("12345 67890", true),
            Map.entry("123-4567", true),
            Map.entry("one line\nanother line", true),
            Map.entry("123456\n7", true),
            Map.entry("123456\r\n7890123", false),
            Map.entry("\n", true),
            Map.entry("\r\n\r\n", true),
            Map.entry("tab\t1234\t567", true),
            Map.entry("line\u2028separator\u0085next line", true),
            Map.entry("line\u2028separator 1234567", false),
            Map.entry("全角１２３４５６７８", true),
            Map.entry("阿拉伯数字 ٠١٢٣٤٥٦٧٨", true),
            Map.entry("客户说下周再来 😀", true),
            Map.entry("surge plan:\n- 2 staff at the gate\n- 1 at the desk\n\nbudget 500000 yuan", true),
            Map.entry("1234567", false),
            Map.entry("call 13800138000", false),
            Map.entry("+86 13800138000", false),
            Map.entry("abc1234567890xyz", false),
            Map.entry("first line\nphone 13912345678", false),
            Map.entry("first\n\n0123456 at the end", false),
            Map.entry("1234567\n", false),
            Map.entry("\n1234567", false),
            Map.entry("a\r\n9876543\r\n", false),
            Map.entry("multi\nline\nnote 5551234\nend", false),
            Map.entry("😀1234567😀", false),
            Map.entry("客户电话13800138000请回电", false));

    @Test
    void the_free_text_pattern_is_the_old_one_in_ecma_262_form() {
        Pattern before = Pattern.compile(OLD_NO_PHONE_NUMBER);
        Pattern now = Pattern.compile(Formats.NO_PHONE_NUMBER);
        assertAll(FREE_TEXT.entrySet().stream().map(c -> () -> {
            String text = c.getKey();
            assertEquals(c.getValue(), before.matcher(text).matches(), "the old pattern on " + quoted(text));
            assertEquals(c.getValue(), now.matcher(text).matches(), "the new pattern on " + quoted(text));
        }));
    }

    /** The identifiers' patterns gained anchors only: the same values pass, and no inline flag is left. */
    @Test
    void the_anchored_patterns_accept_what_they_accepted_before() {
        Map<String, String> before = Map.of(
                Formats.ID, "[A-Za-z0-9._:-]{1,64}",
                Formats.OFFER_CODE, "[A-Z0-9][A-Z0-9-]{0,31}",
                Formats.CUSTOMER_REF, "(?![+]?[0-9]{7,15}$)[A-Za-z0-9._:-]{1,64}",
                Formats.CATEGORY, "[A-Z][A-Z_]{0,31}",
                Formats.BUSINESS_TYPE, "[A-Z][A-Z0-9_]{0,31}",
                Formats.UUID, "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                Formats.FOLLOW_UP_STATUS, "OPEN|CLOSED|ALL");
        List<String> values = List.of("", "abc", "A.b_c:d-e", "T-1a2b3c4d", "with space", "x".repeat(64), "x".repeat(65),
                "abc\n", "\nabc", "ünicode", "a/b", "DATA-10G", "DATA", "DATA_PLUS", "data", "-X", "A".repeat(32),
                "A".repeat(33), "PAYMENT", "BROADBAND_FAULT", "9LIVES", "R-123", "13800138000", "+8613800138000",
                "1234567\n", "123456", "C13800138000", "0190a6b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b",
                "0190A6B2-7C3D-7E4F-8A9B-0C1D2E3F4A5B", "0190a6b2-7c3d-7e4f-8a9b-0c1d2e3f4a5", "OPEN", "CLOSED", "ALL",
                "open", "OPEN|ALL", "OPENALL", "ALL\n");
        assertAll(before.entrySet().stream().flatMap(p -> values.stream().map(v -> () -> assertEquals(
                Pattern.matches(p.getValue(), v), Pattern.matches(p.getKey(), v), p.getKey() + " on " + quoted(v)))));
    }

    @Test
    void no_pattern_uses_an_inline_flag() {
        for (String pattern : List.of(Formats.ID, Formats.OFFER_CODE, Formats.CUSTOMER_REF, Formats.NO_PHONE_NUMBER,
                Formats.CATEGORY, Formats.BUSINESS_TYPE, Formats.UUID, Formats.FOLLOW_UP_STATUS)) {
            assertFalse(Pattern.compile("\\(\\?[a-zA-Z]").matcher(pattern).find(), pattern);
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
