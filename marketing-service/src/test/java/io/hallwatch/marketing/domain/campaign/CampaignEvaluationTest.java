package io.hallwatch.marketing.domain.campaign;

import io.hallwatch.marketing.domain.followup.FollowUp;
import io.hallwatch.marketing.domain.followup.FollowUpResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignEvaluationTest {
    static final Instant T = Instant.parse("2026-11-24T03:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    final Campaign campaign = new Campaign(UUID.randomUUID(), "GZ-TH-001", "GRP-ACME", "ACME", "canteen", TODAY,
            TODAY.plusDays(2), "A", List.of("A", "B", "C"),
            List.of(new ProductTarget("GROUP-VNET", 20), new ProductTarget("M2M", 50), new ProductTarget("ENTERPRISE-SMS", 5)),
            "plan");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void results_against_targets_per_product_per_staff_member_and_in_total() {
        CampaignRecord l1 = CampaignRecord.lead("A", "GROUP-VNET", T);
        CampaignRecord l2 = CampaignRecord.lead("A", "M2M", T);
        CampaignRecord l3 = CampaignRecord.lead("B", "ENTERPRISE-SMS", T);
        CampaignRecord l4 = CampaignRecord.lead("C", "GROUP-VNET", T);
        List<CampaignRecord> records = List.of(
                CampaignRecord.sale("A", "GROUP-VNET", 5, null, T), CampaignRecord.sale("A", "GROUP-VNET", 3, null, T), l1, l2,
                CampaignRecord.sale("B", "M2M", 30, null, T), l3, CampaignRecord.sale("B", "GROUP-VNET", 1, l1.id(), T),
                l4, CampaignRecord.sale("C", "M2M", 25, l2.id(), T));
        List<FollowUp> followUps = new ArrayList<>();
        followUps.add(followUp("GROUP-VNET").close(FollowUpResult.ACCEPTED, null, T));
        followUps.add(followUp("M2M").close(FollowUpResult.ACCEPTED, null, T));
        followUps.add(followUp("ENTERPRISE-SMS"));
        followUps.add(followUp("GROUP-VNET").close(FollowUpResult.DECLINED, null, T));

        CampaignEvaluation e = CampaignEvaluation.of(campaign, records, followUps, TODAY, T.plus(Duration.ofDays(4)));

        assertEquals(CampaignStatus.RUNNING, e.status());
        assertEquals(3, e.staffCount());
        assertEquals(new CampaignEvaluation.ProductResult("GROUP-VNET", 20, 9, d("0.4500"), false, 2, 3, 4, d("0.7500"), 1),
                e.products().get(0));
        assertEquals(new CampaignEvaluation.ProductResult("M2M", 50, 55, d("1.1000"), true, 1, 2, 2, d("1.0000"), 1),
                e.products().get(1));
        assertEquals(new CampaignEvaluation.ProductResult("ENTERPRISE-SMS", 5, 0, d("0.0000"), false, 1, 0, 1, d("0.0000"), 0),
                e.products().get(2));
        assertEquals(new CampaignEvaluation.Totals(75, 64, d("0.8533"), 1, 4, 5, 7, d("0.7143")), e.totals());

        assertEquals(new CampaignEvaluation.StaffResult("A", true, 2, 2, 8, 4, d("0.5000"), Map.of("GROUP-VNET", 8)), e.staff().get(0));
        // B converted A's lead: for B that customer is a prospect of their own
        assertEquals(new CampaignEvaluation.StaffResult("B", false, 1, 2, 31, 3, d("0.6667"), Map.of("GROUP-VNET", 1, "M2M", 30)),
                e.staff().get(1));
        assertEquals(new CampaignEvaluation.StaffResult("C", false, 1, 1, 25, 2, d("0.5000"), Map.of("M2M", 25)), e.staff().get(2));

        assertEquals(new CampaignEvaluation.FollowUpSummary(4, 1, 1, 2, 1, 0), e.followUps());
    }

    @Test
    void a_campaign_with_no_results_yet_has_no_conversion_rate() {
        CampaignEvaluation e = CampaignEvaluation.of(campaign, List.of(), List.of(), TODAY.minusDays(1), T);
        assertEquals(CampaignStatus.PLANNED, e.status());
        assertNull(e.totals().conversionRate());
        assertEquals(d("0.0000"), e.totals().achievement());
        assertTrue(e.staff().stream().allMatch(s -> s.conversionRate() == null && s.unitsByOffer().isEmpty()));
        assertEquals(new CampaignEvaluation.FollowUpSummary(0, 0, 0, 0, 0, 0), e.followUps());
        assertFalse(e.products().get(0).onTarget());
    }

    @Test
    void ratios_round_half_up_to_four_decimals() {
        assertEquals(d("0.3333"), CampaignEvaluation.ratio(1, 3));
        assertEquals(d("0.6667"), CampaignEvaluation.ratio(2, 3));
        assertEquals(d("0.0001"), CampaignEvaluation.ratio(1, 10_000));
        assertEquals(d("0.0001"), CampaignEvaluation.ratio(1, 19_999));
        assertEquals(d("0.0000"), CampaignEvaluation.ratio(1, 20_001));
        assertNull(CampaignEvaluation.ratio(5, 0));
    }

    @Test
    void meeting_the_target_exactly_is_on_target() {
        List<CampaignRecord> records = List.of(CampaignRecord.sale("C", "ENTERPRISE-SMS", 5, null, T));
        CampaignEvaluation e = CampaignEvaluation.of(campaign, records, List.of(), TODAY, T);
        assertTrue(e.products().get(2).onTarget());
        assertEquals(d("1.0000"), e.products().get(2).achievement());
    }

    private FollowUp followUp(String offer) {
        return FollowUp.plan("GZ-TH-001", offer, null, T, Duration.ofDays(3));
    }
}
