package io.hallwatch.queue.domain.appointment;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The codes a customer types at the kiosk's keypad to check in: six digits for a remote ticket, eight for an
 * appointment, so the two never collide and the kiosk knows which it was given. Random, not sequential: a code
 * must not let anyone guess another customer's.
 */
public final class CheckInCodes {
    private final RandomGenerator random;

    public CheckInCodes() {
        this(new SecureRandom());
    }

    CheckInCodes(RandomGenerator random) {
        this.random = random;
    }

    public String forRemoteTicket() {
        return digits(6);
    }

    public String forAppointment() {
        return digits(8);
    }

    public static boolean isRemoteTicketCode(String code) {
        return code.matches("[0-9]{6}");
    }

    public static boolean isAppointmentCode(String code) {
        return code.matches("[0-9]{8}");
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        b.append((char) ('1' + random.nextInt(9))); // no leading zero: a keypad entry is not mistaken for a shorter one
        for (int i = 1; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }
}
