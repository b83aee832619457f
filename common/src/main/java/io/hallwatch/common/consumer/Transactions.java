package io.hallwatch.common.consumer;

/** How a consumer groups the events it applies into database transactions. */
public enum Transactions {
    /** Each event in a transaction of its own: the default, right for any handler. */
    PER_EVENT,
    /**
     * All events of one poll (up to {@code hallwatch.consumer.max-poll-records}) in one transaction, each still deduped by its own
     * record of first delivery (a processed_event row, or the journal's for
     * {@code EventConsumers.startJournaled}); a poll in which anything goes wrong is rolled back and applied again
     * one event at a time, so poison records, rejections, retries and database outages are
     * handled exactly as with {@link #PER_EVENT}. It saves a commit (a WAL flush) and a
     * transaction round trip per event. Only for handlers whose reads see the writes of earlier
     * events in the same transaction: plain JDBC on the transaction's connection does; an
     * entity manager that has not flushed may not.
     */
    PER_POLL
}
