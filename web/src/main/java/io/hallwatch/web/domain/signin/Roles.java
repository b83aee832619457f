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

    /** How the sign-in form names a role: Chinese, then the role as the token spells it. */
    public static String label(String role) {
        return switch (role) {
            case KIOSK -> "取号机 / kiosk";
            case CLERK -> "营业员 / clerk";
            case DUTY_MANAGER -> "值班经理 / duty-manager";
            case MANAGER -> "经理 / manager";
            case ADMIN -> "管理员 / admin";
            default -> role;
        };
    }

    private Roles() {
    }
}
