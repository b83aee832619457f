package io.hallwatch.web.domain.signin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the development sign-in form asks for, checked: a staff or device id, one role a person may
 * hold, and one or more branch ids (or {@code *}).
 */
public record SignInForm(String subject, String role, List<String> branches) {
    /** Branch ids as the services spell them (GZ-TH-001, SIM-001). */
    public static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The form checked, or the plain-words reason it is refused. */
    public static Result parse(String subject, String role, String branches) {
        if (role == null || !Roles.PEOPLE.contains(role)) {
            return Result.refused("请选择角色 / Choose a role");
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(List.of(
                (branches == null ? "" : branches).trim().split("[\\s,，]+"))));
        ids.removeIf(String::isEmpty);
        if (ids.isEmpty()) {
            return Result.refused("请填写营业厅编号 / Enter at least one branch id");
        }
        for (String id : ids) {
            if (!id.equals(Viewer.EVERY_BRANCH) && !BRANCH.matcher(id).matches()) {
                return Result.refused("营业厅编号只能包含字母、数字和 - / A branch id has letters, digits and - only");
            }
        }
        String who = subject == null || subject.isBlank() ? role + "-" + String.join("-", ids).replace("*", "all") : subject.trim();
        if (!SUBJECT.matcher(who).matches()) {
            return Result.refused("工号只能包含字母、数字和 . _ - / A staff id has letters, digits and . _ - only");
        }
        return new Result(Optional.of(new SignInForm(who, role, List.copyOf(ids))), null);
    }

    public record Result(Optional<SignInForm> form, String refusal) {
        static Result refused(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    /**
     * Where to go after signing in: a local path only (never another site), else the start page.
     */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || !next.matches("[A-Za-z0-9/_\\-.?=&]{1,200}")) {
            return "/";
        }
        return next;
    }
}
