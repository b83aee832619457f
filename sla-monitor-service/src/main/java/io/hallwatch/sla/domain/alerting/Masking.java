package io.hallwatch.sla.domain.alerting;

/** Masks anything that looks like a phone number: the first three and the last four digits stay. */
public final class Masking {
    private Masking() {
    }

    public static String mask(String address) {
        if (address == null) {
            return null;
        }
        String digits = address.startsWith("+86") ? address.substring(3) : address.startsWith("+") ? address.substring(1) : address;
        if (digits.length() < 7 || !digits.chars().allMatch(Character::isDigit)) {
            return address;
        }
        String prefix = address.substring(0, address.length() - digits.length());
        return prefix + digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
