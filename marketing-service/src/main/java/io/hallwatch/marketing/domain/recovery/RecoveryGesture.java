package io.hallwatch.marketing.domain.recovery;

/**
 * What a branch gives a customer who waited longer than the standard allows, after the apology.
 * A closed list: the counter screen shows the text, metrics count by the code.
 */
public enum RecoveryGesture {
    PRIORITY_TICKET_NEXT_VISIT("Priority ticket on the next visit", "下次来厅优先办理"),
    DATA_GIFT("A small data gift", "赠送小额流量包"),
    BILL_CREDIT("A small credit on the next bill", "下月话费小额减免"),
    APOLOGY_ONLY("A sincere apology", "诚恳致歉");

    private final String text;
    private final String textZh;

    RecoveryGesture(String text, String textZh) {
        this.text = text;
        this.textZh = textZh;
    }

    public String text() {
        return text;
    }

    public String textZh() {
        return textZh;
    }
}
