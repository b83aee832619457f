package io.hallwatch.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs something once the current transaction has committed: metrics count what really
 * happened and caches forget what really changed, not what a rolled-back attempt tried.
 */
@ApplicationScoped
public class AfterCommit {
    private final TransactionSynchronizationRegistry registry;

    AfterCommit(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    public void run(Runnable action) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
