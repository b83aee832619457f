package io.hallwatch.counter.domain.counter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clerk's note on a visit (issue 25): at most {@value #MAX_LENGTH} characters, and never a phone number (personal
 * data must not be kept with a service). A run of 7 or more digits, whatever separates them (spaces, dashes, dots,
 * brackets, a leading +, full-width digits), looks like one; a date (2026-11-24) or a time (14:30) does not.
 */
public final class VisitNote {
    public static final int MAX_LENGTH = 255;

    private static final Pattern DATE_OR_TIME = Pattern.compile(
            "\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?|\\d{1,2}:\\d{2}(:\\d{2})?");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d[\\d\\s\\-.()\\u00A0]*\\d");

    private VisitNote() {
    }

    public static boolean looksLikePhoneNumber(String note) {
        if (note == null) {
            return false;
        }
        String ascii = halfWidth(note);
        String withoutDates = DATE_OR_TIME.matcher(ascii).replaceAll(" ");
        Matcher run = DIGIT_RUN.matcher(withoutDates);
        while (run.find()) {
            if (run.group().chars().filter(Character::isDigit).count() >= 7) {
                return true;
            }
        }
        return false;
    }

    /** Full-width digits and separators (０-９, －, （）, ＋, the ideographic space) as their ASCII forms. */
    private static String halfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') {
                b.append((char) ('0' + (c - '０')));
            } else if (c == '－' || c == '—') {
                b.append('-');
            } else if (c == '（') {
                b.append('(');
            } else if (c == '）') {
                b.append(')');
            } else if (c == '＋') {
                b.append('+');
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
