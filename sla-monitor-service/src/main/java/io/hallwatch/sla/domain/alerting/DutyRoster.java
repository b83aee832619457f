package io.hallwatch.sla.domain.alerting;

import java.util.List;

/**
 * A branch's duty roster: who is on duty when (weekday and a time window in branch time), how to
 * reach each person (channels in the order to try them), and the escalation chain above the duty
 * managers. Addresses (phone numbers above all) are for delivery only: every API output goes
 * through {@link #masked()}, and nothing here is ever logged, published or used as a metric tag.
 */
public record DutyRoster(List<Shift> shifts, Escalation escalation, List<Hours> openingHours, List<String> closedDates) {

    /** A roster without opening hours of its own: the deployment's default hours apply. */
    public DutyRoster(List<Shift> shifts, Escalation escalation) {
        this(shifts, escalation, null, null);
    }

    /**
     * When the branch is open, in branch time: the days (MONDAY..SUNDAY) and the window [opens, closes)
     * as HH:mm. A day no entry names is closed. Alerts outside these hours are kept quiet.
     */
    public record Hours(List<String> days, String opens, String closes) {
    }

    /** Days (MONDAY..SUNDAY), a window [from, to) as HH:mm in branch time, and who is on duty in it. */
    public record Shift(List<String> days, String from, String to, List<Person> managers) {
    }

    /** A person by staff id, with the channels to reach them, first choice first. */
    public record Person(String staffId, List<Contact> channels) {
        Person masked() {
            return new Person(staffId, channels == null ? null : channels.stream().map(Contact::masked).toList());
        }
    }

    /** {@code type} is SMS (a mobile number), WECOM (a WeCom user id), DINGTALK (a DingTalk user id or mobile) or WEBHOOK (a recipient id). */
    public record Contact(String type, String address) {
        Contact masked() {
            return new Contact(type, Masking.mask(address));
        }
    }

    /** Level 2 and level 3 of the chain: the area manager, then the regional manager. */
    public record Escalation(Person areaManager, Person regionalManager) {
    }

    /** The same roster with every address masked ({@code 138****5678}). */
    public DutyRoster masked() {
        List<Shift> s = shifts == null ? null : shifts.stream()
                .map(x -> new Shift(x.days(), x.from(), x.to(), x.managers() == null ? null : x.managers().stream().map(Person::masked).toList()))
                .toList();
        Escalation e = escalation == null ? null : new Escalation(
                escalation.areaManager() == null ? null : escalation.areaManager().masked(),
                escalation.regionalManager() == null ? null : escalation.regionalManager().masked());
        return new DutyRoster(s, e, openingHours, closedDates);
    }
}
