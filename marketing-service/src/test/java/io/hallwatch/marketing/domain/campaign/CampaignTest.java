package io.hallwatch.marketing.domain.campaign;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignTest {
    static final LocalDate START = LocalDate.parse("2026-11-24");
    static final LocalDate END = LocalDate.parse("2026-11-26");
    static final List<ProductTarget> TARGETS = List.of(new ProductTarget("GROUP-VNET", 20), new ProductTarget("M2M", 50));

    static Campaign campaign(List<String> staff, String lead, List<ProductTarget> targets, LocalDate start, LocalDate end, String surge) {
        return new Campaign(UUID.randomUUID(), "GZ-TH-001", "GRP-ACME", "ACME Logistics", "canteen", start, end, lead,
                staff, targets, surge);
    }

    static Campaign valid() {
        return campaign(List.of("s1", "s2", "s3"), "s1", TARGETS, START, END, "two extra staff on call; forms pre-printed");
    }

    static List<String> problems(Runnable r) {
        return assertThrows(CampaignRuleException.class, r::run).problems();
    }

    @Test
    void three_staff_a_lead_among_them_targets_and_a_surge_plan_make_a_campaign() {
        Campaign c = valid();
        assertTrue(c.hasStaff("s2"));
        assertEquals(50, c.target("M2M").orElseThrow().target());
        assertTrue(c.target("CRBT").isEmpty());
    }

    @Test
    void fewer_than_three_staff_is_against_the_manual() {
        List<String> p = problems(() -> campaign(List.of("s1", "s2"), "s1", TARGETS, START, END, "plan"));
        assertEquals(List.of("staff: an on-site campaign needs at least 3 staff, has 2"), p);
    }

    @Test
    void a_staff_member_listed_twice_counts_once() {
        List<String> p = problems(() -> campaign(List.of("s1", "s2", "s2"), "s1", TARGETS, START, END, "plan"));
        assertTrue(p.contains("staff: each staff member is listed once"));
        assertTrue(p.contains("staff: an on-site campaign needs at least 3 staff, has 2"));
    }

    @Test
    void the_site_lead_is_one_of_the_staff() {
        assertEquals(List.of("leadStaffId: the site lead must be one of the staff"),
                problems(() -> campaign(List.of("s1", "s2", "s3"), "boss", TARGETS, START, END, "plan")));
    }

    @Test
    void targets_are_set_beforehand_once_per_product_and_positive() {
        assertTrue(problems(() -> campaign(List.of("s1", "s2", "s3"), "s1", List.of(), START, END, "plan")).get(0).startsWith("targets:"));
        assertEquals(List.of("targets: M2M has more than one target"), problems(() -> campaign(List.of("s1", "s2", "s3"), "s1",
                List.of(new ProductTarget("M2M", 1), new ProductTarget("M2M", 2)), START, END, "plan")));
        assertEquals(List.of("targets: the target for M2M must be at least 1"), problems(() -> campaign(List.of("s1", "s2", "s3"), "s1",
                List.of(new ProductTarget("M2M", 0)), START, END, "plan")));
    }

    @Test
    void it_ends_on_or_after_it_starts_and_has_a_surge_plan() {
        List<String> p = problems(() -> campaign(List.of("s1", "s2", "s3"), "s1", TARGETS, END, START, " "));
        assertEquals(List.of("endsOn: the campaign must end on or after the day it starts",
                "surgePlan: plan for a surge of business before going on site"), p);
        campaign(List.of("s1", "s2", "s3"), "s1", TARGETS, START, START, "one day");
    }

    @ParameterizedTest
    @CsvSource({"2026-11-23,PLANNED", "2026-11-24,RUNNING", "2026-11-25,RUNNING", "2026-11-26,RUNNING", "2026-11-27,ENDED"})
    void its_status_follows_the_calendar(LocalDate today, CampaignStatus status) {
        assertEquals(status, valid().status(today));
    }

    @Test
    void results_are_recorded_while_it_runs_by_its_staff_for_its_products() {
        Campaign c = valid();
        c.checkRecord("s2", "M2M", START);
        assertThrows(Campaign.NotRunningException.class, () -> c.checkRecord("s2", "M2M", START.minusDays(1)));
        assertThrows(Campaign.NotRunningException.class, () -> c.checkRecord("s2", "M2M", END.plusDays(1)));
        assertEquals(List.of("staffId: x9 is not on this campaign's staff", "offerCode: CRBT is not a product of this campaign"),
                problems(() -> c.checkRecord("x9", "CRBT", START)));
    }

    @Test
    void a_lead_is_one_person_who_converts_nothing() {
        assertThrows(IllegalArgumentException.class, () -> new CampaignRecord(UUID.randomUUID(), CampaignRecord.Kind.LEAD,
                "s1", "M2M", 2, null, java.time.Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> CampaignRecord.sale("s1", "M2M", 0, null, java.time.Instant.EPOCH));
    }
}
