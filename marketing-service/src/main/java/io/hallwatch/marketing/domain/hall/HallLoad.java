package io.hallwatch.marketing.domain.hall;

/**
 * How many customers wait in a branch right now, against the branch's busy threshold. The one fact
 * the pitch is sized to: "weigh the number waiting" (忙时一句话，闲时一段话).
 */
public record HallLoad(int waiting, int busyThreshold) {

    public HallLoad {
        if (waiting < 0) {
            throw new IllegalArgumentException("waiting must not be negative");
        }
        if (busyThreshold < 1) {
            throw new IllegalArgumentException("busyThreshold must be at least 1");
        }
    }

    public boolean busy() {
        return waiting >= busyThreshold;
    }
}
