package io.hallwatch.marketing.domain.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An on-site campaign at an enterprise customer (集团进驻营销), as the group-account manual (seed 003)
 * plans one: at least {@value #MIN_STAFF} staff of whom one leads on site (现场负责人), a target per
 * product set beforehand, a plan for a surge of business (业务办理量剧增预案), and the days it runs.
 * The organising branch owns the follow-ups its leads produce.
 */
public record Campaign(UUID id, String branchId, String groupRef, String groupName, String site, LocalDate startsOn,
                       LocalDate endsOn, String leadStaffId, List<String> staff, List<ProductTarget> targets,
                       String surgePlan) {

    /** 集团进驻营销人员不得低于3人. */
    public static final int MIN_STAFF = 3;

    public Campaign {
        Objects.requireNonNull(id, "id");
        staff = List.copyOf(staff);
        targets = List.copyOf(targets);
        List<String> problems = problems(startsOn, endsOn, leadStaffId, staff, targets, surgePlan);
        if (!problems.isEmpty()) {
            throw new CampaignRuleException(problems);
        }
    }

    private static List<String> problems(LocalDate startsOn, LocalDate endsOn, String lead, List<String> staff,
                                         List<ProductTarget> targets, String surgePlan) {
        List<String> problems = new ArrayList<>();
        Set<String> distinct = new HashSet<>(staff);
        if (distinct.size() != staff.size()) {
            problems.add("staff: each staff member is listed once");
        }
        if (distinct.size() < MIN_STAFF) {
            problems.add("staff: an on-site campaign needs at least " + MIN_STAFF + " staff, has " + distinct.size());
        }
        if (lead == null || !distinct.contains(lead)) {
            problems.add("leadStaffId: the site lead must be one of the staff");
        }
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            problems.add("endsOn: the campaign must end on or after the day it starts");
        }
        if (targets.isEmpty()) {
            problems.add("targets: set a target for at least one product before the campaign");
        }
        Set<String> products = new HashSet<>();
        for (ProductTarget t : targets) {
            if (!products.add(t.offerCode())) {
                problems.add("targets: " + t.offerCode() + " has more than one target");
            }
            if (t.target() < 1) {
                problems.add("targets: the target for " + t.offerCode() + " must be at least 1");
            }
        }
        if (surgePlan == null || surgePlan.isBlank()) {
            problems.add("surgePlan: plan for a surge of business before going on site");
        }
        return problems;
    }

    public CampaignStatus status(LocalDate today) {
        if (today.isBefore(startsOn)) {
            return CampaignStatus.PLANNED;
        }
        return today.isAfter(endsOn) ? CampaignStatus.ENDED : CampaignStatus.RUNNING;
    }

    public boolean hasStaff(String staffId) {
        return staff.contains(staffId);
    }

    public Optional<ProductTarget> target(String offerCode) {
        return targets.stream().filter(t -> t.offerCode().equals(offerCode)).findFirst();
    }

    /**
     * Checks that a lead or sale may be recorded now: while the campaign runs, by one of its staff,
     * for one of its products.
     */
    public void checkRecord(String staffId, String offerCode, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (status(today) != CampaignStatus.RUNNING) {
            throw new NotRunningException(this, today);
        }
        if (!hasStaff(staffId)) {
            problems.add("staffId: " + staffId + " is not on this campaign's staff");
        }
        if (target(offerCode).isEmpty()) {
            problems.add("offerCode: " + offerCode + " is not a product of this campaign");
        }
        if (!problems.isEmpty()) {
            throw new CampaignRuleException(problems);
        }
    }

    public static class NotRunningException extends RuntimeException {
        public NotRunningException(Campaign c, LocalDate today) {
            super("The campaign runs from " + c.startsOn() + " to " + c.endsOn() + "; today is " + today);
        }
    }
}
