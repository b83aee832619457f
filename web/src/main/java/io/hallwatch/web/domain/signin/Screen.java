package io.hallwatch.web.domain.signin;

import java.util.Set;

/**
 * The screens and the roles that own them. A hall device (kiosk token) runs the kiosk and the hall
 * display; the counter workstation is a clerk's; the duty-manager console is the duty manager's
 * (and a manager's, who watches: the monitor lets only the duty manager acknowledge and silence, and
 * gives an admin no alerts at all); the branch board (every branch of the sign-in, no branch in its
 * address) and a branch's day report are the managers' and duty managers'.
 */
public enum Screen {
    KIOSK("取号机", "Kiosk", Set.of(Roles.KIOSK, Roles.ADMIN)),
    DISPLAY("叫号大屏", "Hall display", Set.of(Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN)),
    COUNTER("柜台工作台", "Counter workstation", Set.of(Roles.CLERK)),
    DUTY("值班经理台", "Duty-manager console", Set.of(Roles.DUTY_MANAGER, Roles.MANAGER)),
    BOARD("营业厅看板", "Branch board", Set.of(Roles.DUTY_MANAGER, Roles.MANAGER)),
    REPORT("营业厅日报", "Branch day report", Set.of(Roles.DUTY_MANAGER, Roles.MANAGER));

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

    /** Whether {@code viewer} may open this screen for {@code branchId} (null: a screen of every branch the viewer has). */
    public Access access(Viewer viewer, String branchId) {
        if (viewer == null) {
            return Access.SIGN_IN;
        }
        if (!viewer.hasAny(owners)) {
            return Access.WRONG_ROLE;
        }
        if (branchId == null ? viewer.branches().isEmpty() : !viewer.covers(branchId)) {
            return Access.WRONG_BRANCH;
        }
        return Access.ALLOWED;
    }

    public enum Access { ALLOWED, SIGN_IN, WRONG_ROLE, WRONG_BRANCH }
}
