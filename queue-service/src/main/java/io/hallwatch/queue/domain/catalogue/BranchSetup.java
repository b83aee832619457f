package io.hallwatch.queue.domain.catalogue;

import io.hallwatch.queue.domain.day.DayHours;
import io.hallwatch.queue.domain.day.ServiceDay;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** What issuing or moving a ticket needs to know of a branch: its zone, hours, grace and business types. */
public record BranchSetup(String id, String name, ZoneId zone, LocalTime opensAt, LocalTime closesAt, Duration closeGrace,
                          Set<String> businessTypes, int turnNoticeAhead) {

    public BranchSetup {
        businessTypes = Set.copyOf(businessTypes);
    }

    public BranchSetup(String id, String name, ZoneId zone, LocalTime opensAt, LocalTime closesAt, Duration closeGrace,
                       Set<String> businessTypes) {
        this(id, name, zone, opensAt, closesAt, closeGrace, businessTypes, Branch.DEFAULT_TURN_NOTICE_AHEAD);
    }

    public static BranchSetup of(Branch branch) {
        return new BranchSetup(branch.id(), branch.name(), ZoneId.of(branch.timeZone()), branch.opensAt(), branch.closesAt(),
                Duration.ofMinutes(branch.closeGraceMinutes()), branch.businessTypes(), branch.turnNoticeAhead());
    }

    /** The branch's day-closing rule: when a service day opens, closes and ends, in its zone. */
    public ServiceDay serviceDay() {
        return new ServiceDay(hours());
    }

    /** The regular hours: the zone, opening, closing and the grace after it. */
    public DayHours hours() {
        return new DayHours(zone, opensAt, closesAt, closeGrace);
    }

    public boolean offers(String businessType) {
        return businessTypes.contains(businessType);
    }
}
