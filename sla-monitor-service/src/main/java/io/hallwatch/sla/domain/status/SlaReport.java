package io.hallwatch.sla.domain.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The daily figure a branch manager reports upward: per business type, the share of customers
 * whose wait stayed within its limit and the share of services that did. A customer still
 * waiting under the limit when the report is made is not judged yet ({@code waitPending}).
 * Customers the branch's day ended on (closed BRANCH_CLOSED while waiting or called) are counted apart as
 * {@code notServed}; one whose wait the close ended under its limit is neither within nor over (its wait never
 * ended in a call), one who had waited past the limit before the close is over it.
 * Shares are null where nothing was judged.
 */
public record SlaReport(String branchId, LocalDate date, ZoneId zone, List<TypeFigures> byBusinessType, TypeFigures total,
                        long branchAverageBreaches) {

    /** The report from its figures per business type, with their total. */
    public static SlaReport of(String branchId, LocalDate date, ZoneId zone, List<TypeFigures> byBusinessType,
                               long branchAverageBreaches) {
        TypeFigures total = TypeFigures.of("ALL",
                byBusinessType.stream().mapToLong(TypeFigures::customers).sum(),
                byBusinessType.stream().mapToLong(TypeFigures::waitWithinLimit).sum(),
                byBusinessType.stream().mapToLong(TypeFigures::waitOverLimit).sum(),
                byBusinessType.stream().mapToLong(TypeFigures::served).sum(),
                byBusinessType.stream().mapToLong(TypeFigures::handlingWithinLimit).sum(),
                byBusinessType.stream().mapToLong(TypeFigures::notServed).sum(),
                byBusinessType.stream().mapToLong(TypeFigures::waitEndedByClose).sum(),
                byBusinessType.stream().mapToLong(TypeFigures::breachPredicted).sum(),
                byBusinessType.stream().mapToLong(TypeFigures::breachesAvoided).sum());
        return new SlaReport(branchId, date, zone, byBusinessType, total, branchAverageBreaches);
    }

    /**
     * @param notServed        closed at the end of the branch's day while waiting or called (BRANCH_CLOSED)
     * @param waitEndedByClose of those, the ones whose wait the close ended under its limit: not judged
     * @param breachPredicted  customers told at issue that their wait would pass the limit (and offered other
     *                         channels or a nearby branch)
     * @param breachesAvoided  of those, the ones who cancelled before their limit: the breaches the advice avoided
     */
    public record TypeFigures(String businessType, long customers, long waitWithinLimit, long waitOverLimit, long waitPending,
                              Double waitWithinLimitShare, long served, long handlingWithinLimit, Double handlingWithinLimitShare,
                              long notServed, long waitEndedByClose, long breachPredicted, long breachesAvoided) {

        public static TypeFigures of(String type, long customers, long waitWithin, long waitOver, long served, long handlingWithin,
                                     long notServed, long waitEndedByClose, long breachPredicted, long breachesAvoided) {
            long judged = waitWithin + waitOver;
            return new TypeFigures(type, customers, waitWithin, waitOver, customers - judged - waitEndedByClose,
                    share(waitWithin, judged), served, handlingWithin, share(handlingWithin, served), notServed, waitEndedByClose,
                    breachPredicted, breachesAvoided);
        }

        private static Double share(long part, long whole) {
            return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
        }
    }
}
