package io.hallwatch.testsupport;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What proves every service's wiring the same way: readiness with the database and Kafka checks,
 * the migrations applied, the test clock in place, metrics and OpenAPI served. A service's
 * {@code PlatformWiringTest} extends it (annotated {@code @QuarkusTest}) and adds its own checks.
 */
public abstract class PlatformWiringChecks {

    @Inject
    protected DataSource dataSource;
    @Inject
    protected Clock clock;
    @Inject
    protected MutableClock mutableClock;

    /** The Flyway versions this service must have applied, shared ones included, in order. */
    protected abstract List<String> expectedMigrations();

    @Test
    void readiness_is_up_with_the_database_and_kafka_checks() {
        PlatformChecks.assertReadyWithDatabaseAndKafka();
    }

    @Test
    void the_shared_and_the_services_own_migrations_are_applied() {
        assertEquals(expectedMigrations(), PlatformChecks.appliedMigrations(dataSource));
    }

    @Test
    void the_service_reads_time_from_the_tests_clock() {
        assertSame(mutableClock, clock);
    }

    @Test
    void metrics_are_exposed_for_prometheus() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("hallwatch_outbox_pending"));
    }

    @Test
    void the_openapi_document_is_served() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}
