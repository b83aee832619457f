package io.hallwatch.marketing.store.retention;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.retention.DailyPartitions;
import io.hallwatch.common.retention.IdDays;
import io.hallwatch.common.retention.RetentionConfig;
import io.hallwatch.marketing.store.recommendation.BranchConversion;
import io.hallwatch.marketing.store.recommendation.ConversionFigures;
import io.hallwatch.marketing.support.Events;
import io.hallwatch.marketing.support.Scenario;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Marketing's time series by day (V6): made ahead at start, each row in its id's day, a day past retention dropped whole. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class MarketingPartitionsTest {
    private static final List<String> TABLES = List.of("campaign_record", "follow_up", "recommendation", "wait_breach", "hall_ticket");

    @Inject
    DailyPartitions partitions;
    @Inject
    MarketingTables own;
    @Inject
    RetentionConfig config;
    @Inject
    ConversionFigures conversion;
    @Inject
    MutableClock clock;
    @Inject
    Db db;

    @Test
    void the_tables_have_today_and_the_days_ahead_from_the_start_and_a_tickets_rows_land_in_their_ids_day() {
        assertEquals(TABLES, own.tables(config).stream().map(DailyPartitions.Table::name).toList());
        assertTrue(own.tables(config).stream().allMatch(t -> t.keep().equals(Duration.ofDays(400))), "facts: 400 days");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String table : TABLES) {
            List<String> names = partitions.partitions(table);
            for (int ahead = 0; ahead <= 3; ahead++) {
                assertTrue(names.contains(IdDays.partition(table, today.plusDays(ahead))), table + ": " + names);
            }
            assertTrue(names.contains(table + "_default"), table + ": " + names);
        }

        String branch = Scenario.branch();
        String ticket = Scenario.serve(clock, branch, "C01", "A101", "PAYMENT", Scenario.heavyDataUser());
        String offerId = Scenario.awaitScreen(branch, "C01", ticket).getString("offer.offerId");
        given().contentType(ContentType.JSON).body("{\"result\":\"INTERESTED\"}").when()
                .post("/api/v1/offers/" + offerId + "/outcome").then().statusCode(201);
        String breached = Events.ticketId();
        Instant issued = clock.instant();
        Events.issued(branch, breached, "A102", "GENERAL", issued, null);
        Events.waitBreached(branch, breached, "A102", "GENERAL", issued, issued.plusSeconds(960));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("SELECT count(*) FROM wait_breach WHERE ticket_id = ?", breached) == 1);

        assertEquals(IdDays.partition("hall_ticket", IdDays.dayOf(UUID.fromString(ticket))),
                partitionOf("SELECT tableoid::regclass::text FROM hall_ticket WHERE ticket_id = ?", ticket));
        assertEquals(IdDays.partition("wait_breach", IdDays.dayOf(UUID.fromString(breached))),
                partitionOf("SELECT tableoid::regclass::text FROM wait_breach WHERE ticket_id = ?", breached));
        UUID recommendation = UUID.fromString(offerId);
        assertEquals(7, recommendation.version(), "advice ids are time-ordered");
        assertEquals(IdDays.partition("recommendation", IdDays.dayOf(recommendation)),
                partitionOf("SELECT tableoid::regclass::text FROM recommendation WHERE id = ?", recommendation));
        UUID followUp = db.one("SELECT id FROM follow_up WHERE recommendation_id = ?", rs -> rs.getObject(1, UUID.class),
                recommendation).orElseThrow();
        assertEquals(IdDays.partition("follow_up", IdDays.dayOf(followUp)),
                partitionOf("SELECT tableoid::regclass::text FROM follow_up WHERE id = ?", followUp));
        // The waiting count reads the live days of the hall: the ticket breached still waits, the one served does not.
        given().when().get("/api/v1/branches/" + branch + "/load").then().statusCode(200).body("waiting", equalTo(1));
    }

    @Test
    void a_day_past_retention_goes_whole_from_every_table_and_the_reports_still_answer_for_the_days_kept() {
        List<DailyPartitions.Table> tables = own.tables(config);
        Instant start = Instant.now().plus(Duration.ofDays(500)).truncatedTo(ChronoUnit.DAYS).plusSeconds(3600);
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
        String branch = Scenario.branch();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        String campaign = given().contentType(ContentType.JSON).body("""
                        {"branchId":"%s","groupRef":"GRP-ACME","groupName":"ACME Logistics","site":"Staff canteen",
                         "startsOn":"%s","endsOn":"%s","leadStaffId":"s1","staff":["s1","s2","s3"],
                         "targets":[{"offerCode":"M2M","target":40}],
                         "surgePlan":"Two more staff on call at the branch; acceptance forms pre-printed."}"""
                        .formatted(branch, today, today.plusDays(1)))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        try {
            assertEquals(5, partitions.maintain(start, tables).size());
            UUID firstLead = day(branch, UUID.fromString(campaign), first, null);
            // The next day's sale converts the first day's lead: a reference across days, which must not hold the first day.
            day(branch, UUID.fromString(campaign), first.plusDays(1), firstLead);
            JsonPath before = evaluation(campaign);
            assertEquals(2, before.getInt("totals.leads"));
            assertEquals(2, before.getInt("followUps.produced"));
            assertEquals(new BranchConversion(branch, 2L, 2L), conversionOf(branch));
            // A lower bound on the id, as the live queries put it, keeps the days before it out of the plan: the text
            // ids (C collation) as the UUIDs.
            String fromSecond = IdDays.lowestAt(IdDays.start(first.plusDays(1))).toString();
            String hall = plan("EXPLAIN SELECT count(*) FROM hall_ticket WHERE ticket_id >= ? AND branch_id = ?", fromSecond, branch);
            assertFalse(hall.contains(IdDays.partition("hall_ticket", first)), hall);
            assertTrue(hall.contains(IdDays.partition("hall_ticket", first.plusDays(1))), hall);
            String advice = plan("EXPLAIN SELECT * FROM recommendation WHERE id >= ? AND branch_id = ?", UUID.fromString(fromSecond), branch);
            assertFalse(advice.contains(IdDays.partition("recommendation", first)), advice);

            // The first day's end is 400 days gone, the second's not yet.
            List<DailyPartitions.Round> rounds = partitions.maintain(IdDays.start(first).plus(Duration.ofDays(401)).plusSeconds(3600), tables);
            assertEquals(TABLES, rounds.stream().map(DailyPartitions.Round::table).toList());
            for (DailyPartitions.Round round : rounds) {
                assertNull(round.failure(), rounds.toString());
                assertTrue(round.dropped().contains(first), rounds.toString());
                assertFalse(round.dropped().contains(first.plusDays(1)), rounds.toString());
                assertFalse(partitions.partitions(round.table()).contains(IdDays.partition(round.table(), first)));
            }

            JsonPath after = evaluation(campaign);
            assertEquals(1, after.getInt("totals.leads"));
            assertEquals(1, after.getInt("totals.sales"));
            assertEquals(1, after.getInt("followUps.produced"));
            assertEquals(new BranchConversion(branch, 1L, 1L), conversionOf(branch));
            assertEquals(1, db.count("SELECT count(*) FROM hall_ticket WHERE branch_id = ?", branch));
            assertEquals(1, db.count("SELECT count(*) FROM wait_breach WHERE branch_id = ?", branch));
        } finally {
            // Today's partitions went with the far future's round: back for the tests after this one.
            partitions.maintain(Instant.now(), tables);
        }
    }

    /**
     * A day at the branch, every row with an id of that day: a ticket that waited too long, the advice at its counter
     * (accepted), a follow-up, and at the campaign a lead with its follow-up and, where {@code converts} is given, a
     * sale converting that earlier lead. Returns the lead.
     */
    private UUID day(String branch, UUID campaign, LocalDate day, UUID converts) {
        Instant at = IdDays.start(day).plus(Duration.ofHours(12));
        String ticket = idOn(day).toString();
        UUID advice = idOn(day);
        UUID followUp = idOn(day);
        UUID leadFollowUp = idOn(day);
        UUID lead = idOn(day);
        Instant outcomeAt = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            db.update("""
                    INSERT INTO hall_ticket (ticket_id, branch_id, ticket_number, business_type, issued_at, wait_seconds, updated_at)
                    VALUES (?, ?, 'A001', 'PAYMENT', ?, 960, ?)""", ticket, branch, at, at);
            db.update("""
                    INSERT INTO wait_breach (ticket_id, branch_id, breach_id, limit_seconds, actual_seconds, detected_at)
                    VALUES (?, ?, ?, 900, 960, ?)""", ticket, branch, UUID.randomUUID().toString(), at);
            db.update("""
                    INSERT INTO recommendation (id, branch_id, counter_id, ticket_id, ticket_number, clerk_id, business_type,
                        service_started_at, created_at, status, waiting, busy_threshold, offer_code, score, pitch_form,
                        pitch_seconds, outcome_id, outcome, outcome_at)
                    VALUES (?, ?, 'C01', ?, 'A001', 'clerk-C01', 'PAYMENT', ?, ?, 'FINISHED', 0, 5, 'DATA-10G', 10, 'SHORT',
                        20, ?, 'ACCEPTED', ?)""", advice, branch, ticket, at, at, UUID.randomUUID(), outcomeAt);
            db.update("""
                    INSERT INTO follow_up (id, branch_id, offer_code, source, recommendation_id, ticket_id, created_at, due_at, status)
                    VALUES (?, ?, 'DATA-10G', 'COUNTER', ?, ?, ?, ?, 'OPEN')""", followUp, branch, advice, ticket, at, at.plus(Duration.ofDays(2)));
            db.update("""
                    INSERT INTO follow_up (id, branch_id, offer_code, source, campaign_id, created_at, due_at, status)
                    VALUES (?, ?, 'M2M', 'CAMPAIGN', ?, ?, ?, 'OPEN')""", leadFollowUp, branch, campaign, at, at.plus(Duration.ofDays(2)));
            db.update("""
                    INSERT INTO campaign_record (id, campaign_id, kind, staff_id, offer_code, quantity, follow_up_id, recorded_at)
                    VALUES (?, ?, 'LEAD', 's2', 'M2M', 1, ?, ?)""", lead, campaign, leadFollowUp, at);
            if (converts != null) {
                db.update("""
                        INSERT INTO campaign_record (id, campaign_id, kind, staff_id, offer_code, quantity, lead_id, recorded_at)
                        VALUES (?, ?, 'SALE', 's2', 'M2M', 1, ?, ?)""", idOn(day), campaign, converts, at.plusSeconds(60));
            }
        });
        return lead;
    }

    private JsonPath evaluation(String campaign) {
        return given().when().get("/api/v1/campaigns/" + campaign + "/evaluation").then().statusCode(200).extract().jsonPath();
    }

    private BranchConversion conversionOf(String branch) {
        return conversion.since(clock.instant().minus(Duration.ofDays(30))).stream()
                .filter(c -> c.branchId().equals(branch)).findFirst().orElseThrow();
    }

    private String plan(String explain, Object... args) {
        return String.join("\n", db.list(explain, rs -> rs.getString(1), args));
    }

    private String partitionOf(String sql, Object id) {
        return db.one(sql, rs -> rs.getString(1), id).orElseThrow();
    }

    /** A time-ordered id made at noon of {@code day}. */
    private static UUID idOn(LocalDate day) {
        return io.hallwatch.events.TimeOrderedIds.madeAt(IdDays.start(day).plus(Duration.ofHours(12)));
    }
}
