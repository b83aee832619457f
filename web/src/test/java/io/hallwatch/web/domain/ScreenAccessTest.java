package io.hallwatch.web.domain;

import io.hallwatch.web.domain.signin.Screen;
import io.hallwatch.web.domain.signin.SignInForm;
import io.hallwatch.web.domain.signin.Viewer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreenAccessTest {
    private static Viewer viewer(String role, String... branches) {
        return new Viewer("someone", Set.of(role), List.of(branches));
    }

    @Test
    void a_kiosk_runs_the_kiosk_and_the_display_of_its_branch_but_never_the_counter_workstation() {
        Viewer kiosk = viewer("kiosk", "GZ-TH-001");
        assertEquals(Screen.Access.ALLOWED, Screen.KIOSK.access(kiosk, "GZ-TH-001"));
        assertEquals(Screen.Access.ALLOWED, Screen.DISPLAY.access(kiosk, "GZ-TH-001"));
        assertEquals(Screen.Access.WRONG_ROLE, Screen.COUNTER.access(kiosk, "GZ-TH-001"));
        assertEquals(Screen.Access.WRONG_BRANCH, Screen.KIOSK.access(kiosk, "SZ-FT-002"));
    }

    @Test
    void a_clerk_opens_the_counter_and_the_display_but_not_the_kiosk() {
        Viewer clerk = viewer("clerk", "GZ-TH-001");
        assertEquals(Screen.Access.ALLOWED, Screen.COUNTER.access(clerk, "GZ-TH-001"));
        assertEquals(Screen.Access.ALLOWED, Screen.DISPLAY.access(clerk, "GZ-TH-001"));
        assertEquals(Screen.Access.WRONG_ROLE, Screen.KIOSK.access(clerk, "GZ-TH-001"));
    }

    @Test
    void the_duty_console_is_for_duty_managers_and_managers_of_the_branch_never_a_clerk_a_kiosk_or_an_admin() {
        assertEquals(Screen.Access.ALLOWED, Screen.DUTY.access(viewer("duty-manager", "GZ-TH-001"), "GZ-TH-001"));
        assertEquals(Screen.Access.ALLOWED, Screen.DUTY.access(viewer("manager", "GZ-TH-001"), "GZ-TH-001"));
        assertEquals(Screen.Access.WRONG_ROLE, Screen.DUTY.access(viewer("admin", "*"), "GZ-TH-001"), "the monitor gives an admin no alerts");
        assertEquals(Screen.Access.WRONG_ROLE, Screen.DUTY.access(viewer("clerk", "GZ-TH-001"), "GZ-TH-001"));
        assertEquals(Screen.Access.WRONG_ROLE, Screen.DUTY.access(viewer("kiosk", "GZ-TH-001"), "GZ-TH-001"));
        assertEquals(Screen.Access.WRONG_BRANCH, Screen.DUTY.access(viewer("duty-manager", "GZ-TH-001"), "SZ-FT-002"));
    }

    @Test
    void the_board_and_the_day_report_are_the_managers_and_duty_managers_never_a_clerks_or_a_kiosks() {
        assertEquals(Screen.Access.ALLOWED, Screen.BOARD.access(viewer("manager", "GZ-TH-001", "SZ-FT-002"), null));
        assertEquals(Screen.Access.ALLOWED, Screen.BOARD.access(viewer("duty-manager", "*"), null));
        assertEquals(Screen.Access.WRONG_ROLE, Screen.BOARD.access(viewer("clerk", "GZ-TH-001"), null));
        assertEquals(Screen.Access.WRONG_ROLE, Screen.BOARD.access(viewer("kiosk", "GZ-TH-001"), null));
        assertEquals(Screen.Access.WRONG_BRANCH, Screen.BOARD.access(viewer("manager"), null), "a sign-in of no branch");
        assertEquals(Screen.Access.ALLOWED, Screen.REPORT.access(viewer("manager", "GZ-TH-001"), "GZ-TH-001"));
        assertEquals(Screen.Access.WRONG_BRANCH, Screen.REPORT.access(viewer("manager", "GZ-TH-001"), "SZ-FT-002"));
        assertEquals(Screen.Access.WRONG_ROLE, Screen.REPORT.access(viewer("clerk", "GZ-TH-001"), "GZ-TH-001"));
    }

    @Test
    void every_branch_covers_any_branch_and_no_sign_in_is_asked_to_sign_in() {
        assertEquals(Screen.Access.ALLOWED, Screen.DISPLAY.access(viewer("manager", "*"), "ANY-1"));
        assertEquals(Screen.Access.SIGN_IN, Screen.DISPLAY.access(null, "GZ-TH-001"));
        assertEquals(Screen.Access.WRONG_BRANCH, Screen.DISPLAY.access(viewer("manager"), "GZ-TH-001"));
    }

    @Test
    void the_sign_in_form_takes_a_persons_role_and_branch_ids_and_refuses_anything_else() {
        SignInForm form = SignInForm.parse("", "kiosk", " GZ-TH-001, SZ-FT-002 GZ-TH-001").form().orElseThrow();
        assertEquals(List.of("GZ-TH-001", "SZ-FT-002"), form.branches());
        assertEquals("kiosk-GZ-TH-001-SZ-FT-002", form.subject());
        assertTrue(SignInForm.parse(null, "service", "GZ-TH-001").form().isEmpty(), "service is not a person's role");
        assertTrue(SignInForm.parse(null, "clerk", "  ").form().isEmpty());
        assertTrue(SignInForm.parse(null, "clerk", "<script>").form().isEmpty());
        assertTrue(SignInForm.parse("a b", "clerk", "GZ-TH-001").form().isEmpty());
        assertEquals(List.of("*"), SignInForm.parse("boss", "admin", "*").form().orElseThrow().branches());
    }

    @Test
    void after_sign_in_only_a_local_path_is_followed() {
        assertEquals("/kiosk/GZ-TH-001", SignInForm.safeNext("/kiosk/GZ-TH-001"));
        for (String away : new String[]{"//evil.example/x", "https://evil.example", "/\\evil", "javascript:alert(1)", null, "", "/a b"}) {
            assertEquals("/", SignInForm.safeNext(away), String.valueOf(away));
        }
    }
}
