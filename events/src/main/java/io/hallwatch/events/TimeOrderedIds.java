package io.hallwatch.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): the creation time in milliseconds in the first 48 bits, then 74
 * random bits, as unguessable between two ids as a random UUID is between any two.
 * <p>
 * For event and ticket ids, which every service keeps as a B-tree key (the journal, the outbox,
 * the consumers' dedupe records, the tickets). A random key puts each insert on a random leaf of
 * the index: after every checkpoint each leaf touched is written to the WAL whole again, and the
 * leaves split in the middle. Keys that grow with time are appended at the index's right edge.
 * Measured on the SLA monitor's journal (bench/README.md, 2): 2,000 events a statement, an index
 * of 900,000, each batch right after a checkpoint: 44 MB of WAL and 25-33 ms with random ids,
 * 18-19 MB and 18-21 ms with time-ordered ones.
 * <p>
 * The time is the wall clock's, as the RFC's creation timestamp is, not a domain clock's: an id
 * says nothing about when the event happened ({@link CloudEvent#time()} does), and a simulated
 * clock running at 60× would spread ids far into the future.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM);
    }

    /**
     * An id as {@link #next()} would have made it at {@code when}: for a row that must belong to a given time's day
     * (a day-partitioned table's tests, records brought in with their own time).
     */
    public static UUID madeAt(java.time.Instant when) {
        return at(when.toEpochMilli(), RANDOM);
    }

    /**
     * The id of a row made from an event, the same on every instance and every delivery of that event, as a name-based
     * UUID is, but time-ordered: the event id's millisecond (the wall clock's when the event was made) and, for the 74
     * other bits, {@code name}'s SHA-256. So a row two consumers make from one record (a partition moving between
     * replicas mid-poll) is one key, and it lands in the day partition of its event. An event id of another version (made
     * before the ids were time-ordered) carries no time: the id then takes the wall clock's, and is not repeatable.
     */
    public static UUID derived(UUID event, String name) {
        long millis = event.version() == 7 ? event.getMostSignificantBits() >>> 16 : System.currentTimeMillis();
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        return from(millis, hash);
    }

    static UUID at(long epochMillis, SecureRandom random) {
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        return from(epochMillis, bits);
    }

    /** A version 7 id of the millisecond, its 74 other bits from the first ten bytes of {@code bits}. */
    private static UUID from(long epochMillis, byte[] bits) {
        long randA = ((bits[0] & 0xFFL) << 8 | bits[1] & 0xFFL) & 0x0FFF;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | bits[i] & 0xFFL;
        }
        long most = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long least = randB & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
