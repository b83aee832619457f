package io.hallwatch.web.domain.signin;

import java.util.Set;

/**
 * The screens and the roles that own them. A hall device (kiosk token) runs the kiosk and the hall
 * display; the counter workstation is a clerk's; the duty-manager console is the duty manager's
 * (and a manager's or an admin's).
 */
public enum Screen {
    KIOSK("取号机", "Kiosk", Set.of(Roles.KIOSK, Roles.ADMIN)),
    DISPLAY("叫号大屏", "Hall display", Set.of(Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN)),
    COUNTER("柜台工作台", "Counter workstation", Set.of(Roles.CLERK)),
    DUTY("值班经理台", "Duty-manager console", Set.of(Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN));

    private final String nameZh;
    private final String nameEn;
    private final Set<String> owners;

    Screen(String nameZh, String nameEn, Set<String> owners) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.owners = owners;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Set<String> owners() {
        return owners;
    }

    /** Whether {@code viewer} may open this screen for {@code branchId}. */
    public Access access(Viewer viewer, String branchId) {
        if (viewer == null) {
            return Access.SIGN_IN;
        }
        if (!viewer.hasAny(owners)) {
            return Access.WRONG_ROLE;
        }
        if (!viewer.covers(branchId)) {
            return Access.WRONG_BRANCH;
        }
        return Access.ALLOWED;
    }

    public enum Access { ALLOWED, SIGN_IN, WRONG_ROLE, WRONG_BRANCH }
}
