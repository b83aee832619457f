package io.hallwatch.sla.domain.notice;

import io.hallwatch.sla.domain.alerting.Masking;

import java.util.regex.Pattern;

/** A customer's mobile number for "your turn is near": a mainland mobile number, shown only masked. */
public final class PhoneNumbers {
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private PhoneNumbers() {
    }

    /** Eleven digits, 1 then 3-9: {@code 13812345678}. No prefix, no spaces. */
    public static boolean valid(String phone) {
        return phone != null && MAINLAND_MOBILE.matcher(phone).matches();
    }

    /** {@code 138****5678}: what an answer or a log line may show. */
    public static String masked(String phone) {
        return phone == null ? null : Masking.mask(phone);
    }
}
