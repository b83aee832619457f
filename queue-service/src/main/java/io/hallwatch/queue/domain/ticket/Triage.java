package io.hallwatch.queue.domain.ticket;

import io.hallwatch.events.CustomerTier;

import java.util.Optional;

/**
 * The triage advice printed with a ticket (客户分流): where the customer can be served faster or
 * where to go. {@code code} is stable for kiosk vendors to localise; {@code text} is the hall's own
 * wording.
 */
public final class Triage {

    public record Advice(String code, String text) {
    }

    private Triage() {
    }

    public static Optional<Advice> adviceFor(String businessType, CustomerTier tier) {
        if (tier == CustomerTier.VIP) {
            return Optional.of(new Advice("VIP_AREA", "请到VIP区休息等候，VIP台将优先为您办理。"));
        }
        return Optional.ofNullable(switch (businessType) {
            case "PAYMENT" -> new Advice("SELF_SERVICE_PAYMENT",
                    "自助缴费机可即时缴费，无需排队；如需人工办理请留意叫号。");
            case "NEW_LINE" -> new Advice("NUMBER_SELECTION_AREA",
                    "请先到选号区挑选号码和终端，叫号后到台席办理。");
            case "COMPLAINT" -> new Advice("RECEPTION_ROOM",
                    "请到客户接待室等候，值班经理或专人将为您处理。");
            case "SIM", "CLOSE_ACCOUNT" -> new Advice("BRING_ID",
                    "请准备好本人有效身份证件，叫号后到指定台席办理。");
            case "CONSULT" -> new Advice("OTHER_CHANNELS",
                    "简单查询也可通过自助终端、网上营业厅或10086办理。");
            default -> null;
        });
    }
}
