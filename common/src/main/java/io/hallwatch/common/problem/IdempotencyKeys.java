package io.hallwatch.common.problem;

/** The {@code Idempotency-Key} header every retried POST may carry: 1 to 100 visible ASCII characters. */
public final class IdempotencyKeys {
    private IdempotencyKeys() {
    }

    /** {@code key} when absent or well-formed; otherwise a 400 invalid-idempotency-key that changes nothing. */
    public static String checked(String key) {
        if (key != null && !key.matches("[\\x21-\\x7E]{1,100}")) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be 1 to 100 visible ASCII characters");
        }
        return key;
    }
}
