package io.hallwatch.simulator;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator asked of the platform, for its totals line: every REST call, and those that
 * failed (no answer in time, refused connection, or a 5xx). 4xx answers are the platform saying
 * no (nobody waiting, a closed branch) and count as answered.
 */
final class Traffic {
    private final LongAdder requests = new LongAdder();
    private final LongAdder failed = new LongAdder();

    void record(int status) {
        requests.increment();
        if (status == 0 || status >= 500) {
            failed.increment();
        }
    }

    long requests() {
        return requests.sum();
    }

    long failed() {
        return failed.sum();
    }
}
