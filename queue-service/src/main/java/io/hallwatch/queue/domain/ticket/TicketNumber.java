package io.hallwatch.queue.domain.ticket;

/**
 * The number printed on a ticket and called out in the hall: the business type's prefix letter
 * and the day's sequence for that prefix, three digits while they last ({@code A023}), four after.
 */
public final class TicketNumber {
    public static final int MAX_PER_DAY = 9999;

    private TicketNumber() {
    }

    public static String format(char prefix, long sequence) {
        if (prefix < 'A' || prefix > 'Z') {
            throw new IllegalArgumentException("Prefix must be a capital letter, was '" + prefix + "'");
        }
        if (sequence < 1 || sequence > MAX_PER_DAY) {
            throw new IllegalArgumentException("Sequence " + sequence + " is outside 1.." + MAX_PER_DAY);
        }
        return prefix + String.format(sequence < 1000 ? "%03d" : "%04d", sequence);
    }
}
