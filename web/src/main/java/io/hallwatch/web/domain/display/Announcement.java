package io.hallwatch.web.domain.display;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call shown and spoken on the hall display: ticket A012 to counter C03 is
 * "请 A012 号到 3 号窗口". {@code recall} is how many times it was called again (0 for the first call).
 */
public record Announcement(String branchId, String ticketNumber, String businessType, String counterId,
                           int recall, Instant at) {
    private static final Pattern COUNTER = Pattern.compile("([A-Za-z]*)0*([0-9]+)");

    /** What the hall hears (and what the display keeps in its DOM for anyone who cannot hear it). */
    public String spokenZh() {
        return "请 " + ticketNumber + " 号到 " + counterWords() + "窗口";
    }

    /** The counter as a customer reads it above the window: C03 → "3 号", V01 → "VIP 1 号". */
    public String counterWords() {
        Matcher m = COUNTER.matcher(counterId == null ? "" : counterId);
        if (m.matches()) {
            String prefix = m.group(1).equalsIgnoreCase("V") ? "VIP " : "";
            return prefix + m.group(2) + " 号";
        }
        return counterId + " ";
    }

    /** The counter's number alone, for the big figure on the display. */
    public String counterShort() {
        return counterWords().replace(" 号", "").trim();
    }
}
