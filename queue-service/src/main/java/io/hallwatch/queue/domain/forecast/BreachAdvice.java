package io.hallwatch.queue.domain.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the kiosk tells a customer whose estimate already exceeds the wait limit (the hall standard's
 * 客户分流: steer them to where they are served faster): the other channels that can do their
 * business (the self-service machines, the online hall, the 10086 line), and the nearby branches of
 * the operator whose estimate for it, travel included, is at least {@link #BETTER_BY} shorter.
 */
public record BreachAdvice(Duration estimate, Duration waitLimit, List<Channel> otherChannels, List<NearbyBranch> nearbyBranches) {
    /** A nearby branch is offered only when this much sooner, travel included. */
    public static final Duration BETTER_BY = Duration.ofMinutes(10);

    /** A channel other than the counter; {@code code} stable for kiosk vendors, {@code text} the hall's wording. */
    public record Channel(String code, String text) {
    }

    /** A neighbour's estimate for the same business, and the travel to it. */
    public record NearbyBranch(String branchId, String name, Duration estimate, Duration travel) {
        Duration total() {
            return estimate.plus(travel);
        }
    }

    private static final Channel SELF_SERVICE = new Channel("SELF_SERVICE_MACHINE", "大厅自助缴费机可即时办理，无需排队。");
    private static final Channel ONLINE_HALL = new Channel("ONLINE_HALL", "可通过网上营业厅或手机营业厅办理。");
    private static final Channel HOTLINE = new Channel("HOTLINE_10086", "也可拨打10086办理或咨询。");

    /** The business that can be done elsewhere than at a counter, and where. */
    private static final Map<String, List<Channel>> CHANNELS = Map.of(
            "PAYMENT", List.of(SELF_SERVICE, ONLINE_HALL),
            "GENERAL", List.of(ONLINE_HALL, HOTLINE),
            "BROADBAND", List.of(ONLINE_HALL, HOTLINE),
            "CONSULT", List.of(ONLINE_HALL, HOTLINE));

    /** Empty unless {@code estimate} exceeds {@code waitLimit}; {@code neighbours} are those open and offering the type. */
    public static Optional<BreachAdvice> of(String businessType, Duration estimate, Duration waitLimit, List<NearbyBranch> neighbours) {
        if (estimate.compareTo(waitLimit) <= 0) {
            return Optional.empty();
        }
        List<NearbyBranch> better = new ArrayList<>(neighbours.stream()
                .filter(n -> n.total().plus(BETTER_BY).compareTo(estimate) <= 0).toList());
        better.sort(Comparator.comparing(NearbyBranch::total).thenComparing(NearbyBranch::branchId));
        return Optional.of(new BreachAdvice(estimate, waitLimit, CHANNELS.getOrDefault(businessType, List.of()), better));
    }

    /** What was offered, as codes kept on the ticket: the channels', then {@code BRANCH:<id>} for each branch. */
    public List<String> codes() {
        List<String> codes = new ArrayList<>(otherChannels.stream().map(Channel::code).toList());
        nearbyBranches.forEach(n -> codes.add("BRANCH:" + n.branchId()));
        return codes;
    }
}
