package org.mandate.task.internal;

import org.mandate.organization.ApparatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the task counts in step with the apparatus: a restructuring changes which units a lead
 * unit counts under (unit_scope_spans), so the counts are rebuilt once, just before the change's
 * transaction commits (after all of its versions and successions are written), whatever the
 * number of events the change recorded. A change made outside a transaction rebuilds at once.
 */
@Component
class RestructuringFollower {
    private static final Object KEY = new Object();

    private final TaskCounts counts;

    RestructuringFollower(TaskCounts counts) {
        this.counts = counts;
    }

    @EventListener
    void on(ApparatusChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counts.rebuild();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(KEY)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                counts.rebuild();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        });
    }
}
