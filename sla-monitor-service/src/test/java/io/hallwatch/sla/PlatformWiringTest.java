package io.hallwatch.sla;

import io.hallwatch.sla.events.timeline.TimelineRecorder;
import io.hallwatch.testsupport.ConsumingServiceChecks;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The shared wiring checks, plus the consumer's: once-only application and the DLQ. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class PlatformWiringTest extends ConsumingServiceChecks {

    @Override
    protected List<String> expectedMigrations() {
        return List.of("0.1", "0.2", "0.3", "0.4", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17");
    }

    @Override
    protected String consumerName() {
        return TimelineRecorder.CONSUMER;
    }

    /** The timeline's journal is its dedupe record. */
    @Override
    protected long firstDeliveryRecords(UUID eventId) throws SQLException {
        return count("SELECT count(*) FROM event_journal WHERE event_id = ?", eventId);
    }
}
