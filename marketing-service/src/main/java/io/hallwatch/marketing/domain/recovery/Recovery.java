package io.hallwatch.marketing.domain.recovery;

import java.util.Objects;

/**
 * Service recovery for a customer who waited too long: what the clerk says first (the apology, with
 * the wait in minutes) and the gesture the branch offers.
 */
public record Recovery(String apology, String apologyZh, RecoveryGesture gesture, long waitedMinutes) {

    public Recovery {
        Objects.requireNonNull(apology, "apology");
        Objects.requireNonNull(apologyZh, "apologyZh");
        Objects.requireNonNull(gesture, "gesture");
    }

    /** The standard's own words: apologise, say how long, offer what the branch can give. */
    public static Recovery forBreach(WaitBreach breach, RecoveryGesture gesture) {
        long waited = breach.waitedMinutes();
        long limit = breach.limitMinutes();
        String apology = "We are sorry to have kept you waiting " + waited + " minutes, longer than our "
                + limit + "-minute promise. " + gesture.text() + ".";
        String apologyZh = "让您久等了，非常抱歉！您等候了" + waited + "分钟，超过了我们" + limit + "分钟的服务承诺。"
                + gesture.textZh() + "。";
        return new Recovery(apology, apologyZh, gesture, waited);
    }
}
