package io.hallwatch.web.domain.signin;

import java.util.List;

/** The roles of the platform's tokens (root README, Security); a person signs in with one of the first five. */
public final class Roles {
    public static final String KIOSK = "kiosk";
    public static final String CLERK = "clerk";
    public static final String DUTY_MANAGER = "duty-manager";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    /** The roles a person may sign in with ({@code service} is for services only). */
    public static final List<String> PEOPLE = List.of(KIOSK, CLERK, DUTY_MANAGER, MANAGER, ADMIN);

    private Roles() {
    }
}
