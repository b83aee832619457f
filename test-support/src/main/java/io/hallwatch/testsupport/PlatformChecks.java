package io.hallwatch.testsupport;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks every service's wiring test makes the same way. */
public final class PlatformChecks {

    public static final String DATABASE_CHECK = "Database connections health check";
    public static final String KAFKA_CHECK = "Kafka connection health check";

    private PlatformChecks() {
    }

    /** Readiness is UP and includes the database and Kafka checks, each UP. */
    public static void assertReadyWithDatabaseAndKafka() {
        JsonPath health = RestAssured.given().when().get("/q/health/ready")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("UP", health.getString("status"));
        List<String> checks = health.getList("checks.name");
        assertTrue(checks.contains(DATABASE_CHECK), "no database check in " + checks);
        assertTrue(checks.contains(KAFKA_CHECK), "no Kafka check in " + checks);
        assertEquals(List.of("UP"), health.getList("checks.status").stream().distinct().toList());
    }

    /** The Flyway versions applied successfully to the service's database, in order. */
    public static List<String> appliedMigrations(DataSource dataSource) {
        List<String> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new AssertionError("Cannot read the Flyway history", e);
        }
        return versions;
    }
}
