package io.hallwatch.marketing.domain.campaign;

import io.hallwatch.marketing.domain.followup.FollowUp;
import io.hallwatch.marketing.domain.followup.FollowUpResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The evaluation after the campaign (进驻营销后效果评估): results against the targets set beforehand,
 * per product and per staff member, and the follow-ups the campaign left for the branch.
 * <ul>
 *   <li>{@code sold}: units sold on site; {@code achievement} = sold / target;</li>
 *   <li>{@code prospects}: people who engaged, each counted once = leads + sales that converted no lead;</li>
 *   <li>{@code conversionRate} = sales (deals) / prospects.</li>
 * </ul>
 * Ratios are rounded half-up to four decimals, and null where there is nothing to divide by.
 */
public record CampaignEvaluation(CampaignStatus status, int staffCount, Totals totals, List<ProductResult> products,
                                 List<StaffResult> staff, FollowUpSummary followUps) {

    public record Totals(int target, int sold, BigDecimal achievement, int productsOnTarget, int leads, int sales,
                         int prospects, BigDecimal conversionRate) {
    }

    public record ProductResult(String offerCode, int target, int sold, BigDecimal achievement, boolean onTarget,
                                int leads, int sales, int prospects, BigDecimal conversionRate,
                                int followUpsAccepted) {
    }

    public record StaffResult(String staffId, boolean siteLead, int leads, int sales, int unitsSold, int prospects,
                              BigDecimal conversionRate, Map<String, Integer> unitsByOffer) {
    }

    public record FollowUpSummary(int produced, int open, int overdue, int accepted, int declined, int unreachable) {
    }

    public static CampaignEvaluation of(Campaign campaign, List<CampaignRecord> records, List<FollowUp> followUps,
                                        LocalDate today, Instant now) {
        List<ProductResult> products = campaign.targets().stream().map(t -> {
            List<CampaignRecord> mine = records.stream().filter(r -> r.offerCode().equals(t.offerCode())).toList();
            Figures f = Figures.of(mine);
            int accepted = (int) followUps.stream().filter(u -> u.offerCode().equals(t.offerCode())
                    && u.result() == FollowUpResult.ACCEPTED).count();
            return new ProductResult(t.offerCode(), t.target(), f.units, ratio(f.units, t.target()), f.units >= t.target(),
                    f.leads, f.sales, f.prospects, ratio(f.sales, f.prospects), accepted);
        }).toList();

        List<StaffResult> staff = campaign.staff().stream().map(id -> {
            List<CampaignRecord> mine = records.stream().filter(r -> r.staffId().equals(id)).toList();
            Figures f = Figures.of(mine);
            Map<String, Integer> byOffer = mine.stream().filter(CampaignRecord::isSale).collect(Collectors.groupingBy(
                    CampaignRecord::offerCode, TreeMap::new, Collectors.summingInt(CampaignRecord::quantity)));
            return new StaffResult(id, id.equals(campaign.leadStaffId()), f.leads, f.sales, f.units, f.prospects,
                    ratio(f.sales, f.prospects), byOffer);
        }).toList();

        Figures all = Figures.of(records);
        int target = campaign.targets().stream().mapToInt(ProductTarget::target).sum();
        int onTarget = (int) products.stream().filter(ProductResult::onTarget).count();
        Totals totals = new Totals(target, all.units, ratio(all.units, target), onTarget, all.leads, all.sales,
                all.prospects, ratio(all.sales, all.prospects));

        FollowUpSummary summary = new FollowUpSummary(followUps.size(),
                (int) followUps.stream().filter(FollowUp::open).count(),
                (int) followUps.stream().filter(u -> u.overdue(now)).count(),
                count(followUps, FollowUpResult.ACCEPTED), count(followUps, FollowUpResult.DECLINED),
                count(followUps, FollowUpResult.UNREACHABLE));
        return new CampaignEvaluation(campaign.status(today), campaign.staff().size(), totals, products, staff, summary);
    }

    private static int count(Collection<FollowUp> followUps, FollowUpResult result) {
        return (int) followUps.stream().filter(u -> u.result() == result).count();
    }

    static BigDecimal ratio(int numerator, int denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    /**
     * Counts over some records: leads, deals, units, and the people engaged. A sale that converts a
     * lead of the same records is the same person; one that converts someone else's lead (a
     * colleague's) is a prospect of these records too.
     */
    private record Figures(int leads, int sales, int units, int prospects) {
        static Figures of(List<CampaignRecord> records) {
            java.util.Set<java.util.UUID> leadIds = records.stream().filter(CampaignRecord::isLead)
                    .map(CampaignRecord::id).collect(Collectors.toSet());
            int leads = leadIds.size();
            int sales = 0;
            int units = 0;
            int direct = 0;
            for (CampaignRecord r : records) {
                if (r.isSale()) {
                    sales++;
                    units += r.quantity();
                    if (r.leadId() == null || !leadIds.contains(r.leadId())) {
                        direct++;
                    }
                }
            }
            return new Figures(leads, sales, units, leads + direct);
        }
    }
}
