package io.hallwatch.queue.api.arrival;

import io.hallwatch.events.AppointmentBooked;
import io.hallwatch.events.AppointmentCancelled;
import io.hallwatch.events.AppointmentCheckedIn;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.RemoteTicketTaken;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketOrigin;
import io.hallwatch.queue.api.Hall;
import io.hallwatch.queue.service.appointment.AppointmentNoShows;
import io.hallwatch.queue.service.ticket.RemoteTicketExpiry;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.StandardTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 25, items 5 and 6 at the queue: remote tickets and appointments, through REST and the tickets topic. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class RemoteAndAppointmentApiTest {
    private static final String PROBLEMS = "https://hallwatch.io/problems/";
    /** 11:00 in Shanghai on the test day. */
    private static final Instant ELEVEN = Hall.MORNING.plus(Duration.ofHours(1));

    @Inject
    MutableClock clock;
    @Inject
    RemoteTicketExpiry expiry;
    @Inject
    AppointmentNoShows noShows;

    @BeforeEach
    void morning() {
        clock.set(Hall.MORNING);
    }

    private static ValidatableResponse takeRemote(Hall hall, String type, String key) {
        var request = given().contentType(ContentType.JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("businessType", type)).when().post("/api/v1/branches/" + hall.branchId + "/remote-tickets").then();
    }

    private static ValidatableResponse checkIn(Hall hall, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/v1/branches/" + hall.branchId + "/check-ins").then();
    }

    private static ValidatableResponse book(Hall hall, String type, Instant slot, String key) {
        var request = given().contentType(ContentType.JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        Map<String, Object> body = new HashMap<>(Map.of("businessType", type, "slotStart", slot.toString()));
        return request.body(body).when().post("/api/v1/branches/" + hall.branchId + "/appointments").then();
    }

    private static void plan(Hall hall, String type, int minutes, int capacity) {
        given().contentType(ContentType.JSON).body(Map.of("slotMinutes", minutes, "capacity", capacity))
                .when().put("/api/v1/branches/" + hall.branchId + "/appointment-plans/" + type).then().statusCode(200)
                .body("businessType", equalTo(type)).body("capacity", equalTo(capacity));
    }

    // --- remote tickets

    @Test
    void a_remote_ticket_is_numbered_at_once_but_joins_the_queue_only_at_its_check_in_and_waits_from_there() {
        Hall hall = Hall.open();
        var taken = takeRemote(hall, "PAYMENT", "app-1").statusCode(201).header("Idempotent-Replayed", "false")
                .body("status", equalTo("REMOTE")).body("number", equalTo("A001")).body("checkInCode", matchesPattern("[1-9][0-9]{5}"))
                .body("checkInBy", equalTo("2026-11-24T03:00:00Z")).body("position", nullValue()).extract();
        String id = taken.path("ticketId");
        String code = taken.path("checkInCode");
        takeRemote(hall, "PAYMENT", "app-1").statusCode(200).header("Idempotent-Replayed", "true").body("ticketId", equalTo(id));
        RemoteTicketTaken event = (RemoteTicketTaken) Hall.events(id, 1).get(0).data();
        assertEquals(Instant.parse("2026-11-24T03:00:00Z"), event.checkInBy());

        // Not in the queue yet: a counter calls nobody, and someone arriving meanwhile is ahead of it.
        hall.callNext("C1", false, "PAYMENT").statusCode(204);
        clock.advance(Duration.ofMinutes(10));
        String walkUp = hall.issued("PAYMENT", null);
        clock.advance(Duration.ofMinutes(10));
        checkIn(hall, code).statusCode(201).header("Idempotent-Replayed", "false").header("Location", matchesPattern(".*/api/v1/tickets/" + id))
                .body("ticketId", equalTo(id)).body("status", equalTo("WAITING")).body("origin", equalTo("REMOTE"))
                .body("issuedAt", equalTo("2026-11-24T02:20:00Z")).body("takenAt", equalTo("2026-11-24T02:00:00Z"))
                .body("position", equalTo(2)).body("peopleAhead", equalTo(1));
        checkIn(hall, code).statusCode(200).header("Idempotent-Replayed", "true").body("ticketId", equalTo(id));
        TicketIssued issued = (TicketIssued) Hall.events(id, 2).get(1).data();
        assertEquals(TicketOrigin.REMOTE, issued.origin());
        assertEquals(Instant.parse("2026-11-24T02:20:00Z"), issued.issuedAt(), "its wait starts at the check-in");
        assertNull(issued.waitFrom());
        hall.callNext("C1", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(walkUp));
        hall.callNext("C2", false, "PAYMENT").statusCode(200).body("ticketId", equalTo(id)).body("number", equalTo("A001"));
        given().when().get("/api/v1/branches/" + hall.branchId + "/service-day").then().body("tickets.issued", equalTo(2))
                .body("beforeArrival.remoteTaken", equalTo(1)).body("beforeArrival.remoteCheckedIn", equalTo(1))
                .body("beforeArrival.remoteNotCheckedIn", equalTo(0));
    }

    @Test
    void a_remote_ticket_checks_in_by_its_number_too_and_nobody_checking_in_cancels_it_with_an_event() {
        Hall hall = Hall.open();
        String byNumber = takeRemote(hall, "GENERAL", null).statusCode(201).extract().path("ticketId");
        String number = Hall.ticket(byNumber).extract().path("number");
        clock.advance(Duration.ofMinutes(59));
        checkIn(hall, number).statusCode(201).body("ticketId", equalTo(byNumber)).body("status", equalTo("WAITING"));

        String late = takeRemote(hall, "GENERAL", null).statusCode(201).extract().path("ticketId");
        String lateCode = Hall.ticket(late).extract().path("checkInCode");
        String cancelled = takeRemote(hall, "GENERAL", null).statusCode(201).extract().path("ticketId");
        Hall.act(cancelled, "cancel").statusCode(200).body("status", equalTo("CANCELLED"));
        clock.advance(Duration.ofMinutes(60));
        checkIn(hall, lateCode).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "remote-ticket-expired"));
        expiry.expireDue(); // the scheduled round may have come first: what counts is the ticket and its events
        assertEquals(0, expiry.expireDue(), "nothing is cancelled twice");
        Hall.ticket(late).statusCode(200).body("status", equalTo("CANCELLED"));
        TicketCancelled event = (TicketCancelled) Hall.events(late, 2).get(1).data();
        assertEquals(2, Hall.events(cancelled, 2).size());
        assertEquals(null, ((TicketCancelled) Hall.events(cancelled, 2).get(1).data()).reason(), "cancelled by the customer, not expired");
        assertEquals(RemoteTicketExpiry.REASON, event.reason());
        checkIn(hall, lateCode).statusCode(404).body("type", equalTo(PROBLEMS + "check-in-code-unknown"));
        given().when().get("/api/v1/branches/" + hall.branchId + "/service-day").then()
                .body("tickets.issued", equalTo(1)).body("tickets.cancelled", equalTo(0))
                .body("beforeArrival.remoteTaken", equalTo(3)).body("beforeArrival.remoteNotCheckedIn", equalTo(2));
    }

    @Test
    void a_check_in_with_a_code_nobody_has_or_a_malformed_one_or_after_closing_is_refused_and_changes_nothing() {
        Hall hall = Hall.open();
        checkIn(hall, "123456").statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "check-in-code-unknown"));
        checkIn(hall, "12345678").statusCode(404).body("type", equalTo(PROBLEMS + "check-in-code-unknown"));
        checkIn(hall, "12 34").statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/branches/" + hall.branchId + "/check-ins")
                .then().statusCode(400).contentType("application/problem+json");
        takeRemote(hall, "TELEPORT", null).statusCode(400).contentType("application/problem+json");
        Hall narrow = Hall.open("PAYMENT");
        takeRemote(narrow, "BROADBAND", null).statusCode(422).body("type", equalTo(PROBLEMS + "business-type-not-offered"));
        // Taken at 19:30, so that its hour still runs after the 20:00 closing: the expiry job (every 15 s) has nothing
        // to cancel, and the check-in is refused for the hours alone.
        clock.set(Hall.MORNING.plus(Duration.ofMinutes(9 * 60 + 30)));
        String code = Hall.ticket(takeRemote(hall, "PAYMENT", null).statusCode(201).extract().path("ticketId"))
                .extract().path("checkInCode");
        clock.set(Hall.MORNING.plus(Duration.ofMinutes(10 * 60 + 5))); // 20:05, closed at 20:00
        takeRemote(hall, "PAYMENT", null).statusCode(409).body("type", equalTo(PROBLEMS + "branch-closed"));
        checkIn(hall, code).statusCode(409).body("type", equalTo(PROBLEMS + "branch-closed"));
        given().when().get("/api/v1/branches/" + hall.branchId + "/service-day").then().body("tickets.issued", equalTo(0));
    }

    // --- appointments

    @Test
    void slots_are_booked_up_to_their_capacity_and_a_cancel_frees_a_place() {
        Hall hall = Hall.open();
        plan(hall, "BROADBAND", 30, 2);
        given().when().get("/api/v1/branches/" + hall.branchId + "/appointment-slots?businessType=BROADBAND&date=2026-11-24")
                .then().statusCode(200).body("", hasSize(24)).body("[6].start", equalTo("2026-11-24T03:00:00Z"))
                .body("[6].free", equalTo(2));
        var first = book(hall, "BROADBAND", ELEVEN, "b-1").statusCode(201).header("Idempotent-Replayed", "false")
                .body("status", equalTo("BOOKED")).body("checkInCode", matchesPattern("[1-9][0-9]{7}"))
                .body("slotEnd", equalTo("2026-11-24T03:30:00Z")).body("checkInFrom", equalTo("2026-11-24T02:45:00Z"))
                .body("checkInOnTimeUntil", equalTo("2026-11-24T03:10:00Z")).body("noShowAt", equalTo("2026-11-24T03:15:00Z"))
                .extract();
        String firstId = first.path("appointmentId");
        book(hall, "BROADBAND", ELEVEN, "b-1").statusCode(200).header("Idempotent-Replayed", "true")
                .body("appointmentId", equalTo(firstId));
        book(hall, "BROADBAND", ELEVEN, null).statusCode(201);
        book(hall, "BROADBAND", ELEVEN, null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "slot-full"));
        given().when().post("/api/v1/appointments/" + firstId + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().when().post("/api/v1/appointments/" + firstId + "/cancel").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "appointment-not-booked"));
        book(hall, "BROADBAND", ELEVEN, null).statusCode(201);
        given().when().get("/api/v1/branches/" + hall.branchId + "/appointment-slots?businessType=BROADBAND")
                .then().body("[6].booked", equalTo(2)).body("[6].free", equalTo(0));
        given().when().get("/api/v1/branches/" + hall.branchId + "/appointments").then().statusCode(200).body("", hasSize(3));

        List<CloudEvent<?>> events = Hall.events(firstId, 2);
        assertEquals(ELEVEN, ((AppointmentBooked) events.get(0).data()).slotStart());
        assertEquals("CUSTOMER", ((AppointmentCancelled) events.get(1).data()).reason());

        book(hall, "BROADBAND", ELEVEN.plusSeconds(600), null).statusCode(422).body("type", equalTo(PROBLEMS + "not-a-slot"));
        book(hall, "NEW_LINE", ELEVEN, null).statusCode(422).body("type", equalTo(PROBLEMS + "no-appointments"));
        book(hall, "BROADBAND", ELEVEN.plus(Duration.ofDays(20)), null).statusCode(422).body("type", equalTo(PROBLEMS + "too-far-ahead"));
        book(hall, "BROADBAND", Hall.MORNING.minus(Duration.ofHours(1)), null).statusCode(409).body("type", equalTo(PROBLEMS + "slot-passed"));
        given().contentType(ContentType.JSON).body(Map.of("businessType", "BROADBAND", "slotStart", ELEVEN.toString(),
                        "customerRef", "13800138000"))
                .when().post("/api/v1/branches/" + hall.branchId + "/appointments").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("slotMinutes", 3, "capacity", 1))
                .when().put("/api/v1/branches/" + hall.branchId + "/appointment-plans/BROADBAND").then().statusCode(400);
    }

    @Test
    void an_appointment_checked_in_on_time_is_called_ahead_of_walk_ups_from_its_slot_and_waits_from_the_slot() {
        Hall hall = Hall.open();
        plan(hall, "BROADBAND", 30, 3);
        String onTime = book(hall, "BROADBAND", ELEVEN, null).statusCode(201).extract().path("checkInCode");
        String late = book(hall, "BROADBAND", ELEVEN, null).statusCode(201).extract().path("checkInCode");
        var missed = book(hall, "BROADBAND", ELEVEN, null).statusCode(201).extract();

        clock.set(ELEVEN.minus(Duration.ofMinutes(30)));
        String walkUp = hall.issued("BROADBAND", null);
        clock.set(ELEVEN.minus(Duration.ofMinutes(20)));
        checkIn(hall, onTime).statusCode(409).body("type", equalTo(PROBLEMS + "check-in-too-early"));
        clock.set(ELEVEN.minus(Duration.ofMinutes(10)));
        var ticket = checkIn(hall, onTime).statusCode(201).body("origin", equalTo("APPOINTMENT")).body("status", equalTo("WAITING"))
                .body("issuedAt", equalTo("2026-11-24T02:50:00Z")).extract();
        String appointmentTicket = ticket.path("ticketId");
        String appointmentId = ticket.path("appointmentId");
        TicketIssued issued = (TicketIssued) Hall.events(appointmentTicket, 1).get(0).data();
        assertEquals(TicketOrigin.APPOINTMENT, issued.origin());
        assertEquals(ELEVEN, issued.waitFrom(), "checked in before its slot: its wait runs from the slot");
        AppointmentCheckedIn checkedIn = (AppointmentCheckedIn) Hall.events(appointmentId, 2).get(1).data();
        assertFalse(checkedIn.late());
        assertEquals(appointmentTicket, checkedIn.ticketId());
        given().when().get("/api/v1/appointments/" + appointmentId).then().body("status", equalTo("CHECKED_IN"))
                .body("ticketId", equalTo(appointmentTicket));

        // Before the slot the walk-up who came first is called first; once it started, the appointment goes ahead.
        String secondWalkUp = hall.issued("BROADBAND", null);
        clock.set(ELEVEN.plus(Duration.ofMinutes(1)));
        hall.callNext("C1", false, "BROADBAND").statusCode(200).body("ticketId", equalTo(appointmentTicket));
        hall.callNext("C2", false, "BROADBAND").statusCode(200).body("ticketId", equalTo(walkUp));

        // Late: an ordinary ticket, behind the walk-up who waits.
        clock.set(ELEVEN.plus(Duration.ofMinutes(12)));
        String lateTicket = checkIn(hall, late).statusCode(201).body("origin", equalTo("LATE_APPOINTMENT")).extract().path("ticketId");
        hall.callNext("C1", false, "BROADBAND").statusCode(200).body("ticketId", equalTo(secondWalkUp));
        hall.callNext("C1", false, "BROADBAND").statusCode(200).body("ticketId", equalTo(lateTicket));
        TicketIssued lateIssue = (TicketIssued) Hall.events(lateTicket, 1).get(0).data();
        assertEquals(TicketOrigin.LATE_APPOINTMENT, lateIssue.origin());
        assertNull(lateIssue.waitFrom());

        // Nobody by 11:15: a no-show, its place free again, its code refused.
        clock.set(ELEVEN.plus(Duration.ofMinutes(16)));
        noShows.markDue(); // or the scheduled round did: what counts is the appointment and its event
        assertEquals(0, noShows.markDue());
        String missedId = missed.path("appointmentId");
        given().when().get("/api/v1/appointments/" + missedId).then().body("status", equalTo("NO_SHOW"));
        assertEquals("NO_SHOW", ((AppointmentCancelled) Hall.events(missedId, 2).get(1).data()).reason());
        checkIn(hall, missed.path("checkInCode")).statusCode(409).body("type", equalTo(PROBLEMS + "appointment-missed"));
        checkIn(hall, onTime).statusCode(200).header("Idempotent-Replayed", "true").body("ticketId", equalTo(appointmentTicket));
        given().when().get("/api/v1/branches/" + hall.branchId + "/appointment-slots?businessType=BROADBAND")
                .then().body("[6].booked", equalTo(2));
        assertTrue(issued.waitClockStart().equals(ELEVEN));
        given().when().get("/api/v1/branches/" + hall.branchId + "/service-day").then()
                .body("beforeArrival.appointmentsBooked", equalTo(3)).body("beforeArrival.appointmentsCheckedIn", equalTo(2))
                .body("beforeArrival.appointmentsLate", equalTo(1)).body("beforeArrival.appointmentsNoShow", equalTo(1))
                .body("beforeArrival.appointmentsCancelled", equalTo(0));
    }

    @Test
    void what_an_appointment_cannot_be_asked_is_a_clear_problem() {
        Hall hall = Hall.open("PAYMENT", "BROADBAND");
        given().when().get("/api/v1/appointments/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "appointment-not-found"));
        given().contentType(ContentType.JSON).body(Map.of("slotMinutes", 30, "capacity", 1))
                .when().put("/api/v1/branches/" + hall.branchId + "/appointment-plans/NEW_LINE").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "business-type-not-offered"));
        given().when().get("/api/v1/branches/" + hall.branchId + "/appointment-slots?businessType=NEW_LINE").then().statusCode(422);
        given().when().get("/api/v1/branches/" + hall.branchId + "/appointment-slots").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/v1/branches/" + hall.branchId + "/appointment-slots?businessType=PAYMENT&date=24.11.2026")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-parameter"));
        given().when().get("/api/v1/branches/" + hall.branchId + "/appointment-slots?businessType=PAYMENT").then().statusCode(200)
                .body("", hasSize(0));
        plan(hall, "BROADBAND", 60, 1);
        String code = book(hall, "BROADBAND", ELEVEN, null).statusCode(201).extract().path("checkInCode");
        String id = given().when().get("/api/v1/branches/" + hall.branchId + "/appointments").then().statusCode(200)
                .extract().path("[0].appointmentId");
        given().when().post("/api/v1/appointments/" + id + "/cancel").then().statusCode(200);
        clock.set(ELEVEN);
        checkIn(hall, code).statusCode(409).body("type", equalTo(PROBLEMS + "appointment-cancelled"));
        plan(hall, "BROADBAND", 60, 0);
        book(hall, "BROADBAND", ELEVEN.plus(Duration.ofHours(1)), null).statusCode(422).body("type", equalTo(PROBLEMS + "no-appointments"));
    }
}
