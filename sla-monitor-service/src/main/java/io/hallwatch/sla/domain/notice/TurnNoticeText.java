package io.hallwatch.sla.domain.notice;

import io.hallwatch.sla.domain.alerting.AlertMessage;

import java.util.List;

/**
 * The one SMS a customer gets when their turn is near. The gateway renders its pre-approved template (the SMS
 * template {@code hallwatch.turn-notice.sms-template-id}, "您的{1}号前面还有{2}位，请留意叫号。") from the parameters
 * ticket number and people ahead; the title is the same text, for the log and any channel that shows text. Never a
 * phone number.
 */
public final class TurnNoticeText {
    private TurnNoticeText() {
    }

    public static String text(String ticketNumber, int peopleAhead) {
        return "您的 " + ticketNumber + " 号前面还有 " + peopleAhead + " 位，请留意叫号。";
    }

    /** {@code alertId} is what the gateway gets back as session context: {@code turn-notice:<ticket>}. */
    public static AlertMessage message(String ticketId, String branchId, String ticketNumber, int peopleAhead) {
        String text = text(ticketNumber, peopleAhead);
        return new AlertMessage("turn-notice:" + ticketId, branchId, text, text,
                List.of(ticketNumber, Integer.toString(peopleAhead)));
    }
}
