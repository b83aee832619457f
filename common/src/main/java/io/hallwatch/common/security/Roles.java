package io.hallwatch.common.security;

/**
 * The roles a token carries in its {@code groups} claim. Resources name them in
 * {@code @RolesAllowed}; a token may carry several.
 */
public final class Roles {
    /** A kiosk device: issues tickets and reads its branch's queue. */
    public static final String KIOSK = "kiosk";
    /** A clerk at a counter: counter actions, the own daily report, recommendations at the own counter. */
    public static final String CLERK = "clerk";
    /** The manager on shift: alerts, acknowledgements, breaches, SLA status of the own branches. */
    public static final String DUTY_MANAGER = "duty-manager";
    /** Branch, area or province manager: reports, policies (read), campaigns. */
    public static final String MANAGER = "manager";
    /** Platform administration: branches, counters, business types, policies, rosters. */
    public static final String ADMIN = "admin";
    /**
     * The operator's online channels (mini-program, app, online hall) acting for a customer: remote tickets taken before
     * the customer comes, appointments booked and cancelled. Never a person in the hall.
     */
    public static final String ONLINE_HALL = "online-hall";
    /** Another Hallwatch service calling on its own behalf (counter-service to queue-service). */
    public static final String SERVICE = "service";

    public static final java.util.List<String> ALL = java.util.List.of(KIOSK, CLERK, DUTY_MANAGER, MANAGER, ADMIN, ONLINE_HALL, SERVICE);

    private Roles() {
    }
}
