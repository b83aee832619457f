package io.hallwatch.queue.store.appointment;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.retention.IdDays;
import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.appointment.Appointment;
import io.hallwatch.queue.domain.appointment.AppointmentPlan;
import io.hallwatch.queue.domain.appointment.AppointmentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The appointment plans of the branches and the appointments booked. */
@ApplicationScoped
public class AppointmentStore {
    private static final String COLUMNS = """
            id, branch_id, business_type, slot_start, slot_end, status, check_in_code, customer_ref, booked_at, ended_at,
            ticket_id, idempotency_key, version""";

    private final Db db;
    private final Duration openFor;

    AppointmentStore(Db db, QueueConfig config) {
        this.db = db;
        // An appointment is booked at most book-ahead days before its slot (its id carries the booking's wall clock)
        // and lives a service day after it.
        this.openFor = IdDays.LIVE.plusDays(config.appointments().bookAheadDays());
    }

    /**
     * The bound of a statement about appointments still open (booked, or checked in today): from the UTC day of the
     * lowest id such an appointment can have on the wall clock now, so that PostgreSQL reads the partitions they can be
     * in and not every day kept, nor the days ahead (an id is never made later than now). Written into the text, as the
     * tickets' live bound ({@link IdDays#liveOwnIds(String)}).
     */
    private String open() {
        Instant now = Instant.now();
        return IdDays.idsFrom("id", IdDays.fromDayOf(now.minus(openFor))) + " AND " + IdDays.idsBefore("id", IdDays.liveUntil(now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void savePlan(String branchId, AppointmentPlan plan) {
        db.update("""
                INSERT INTO appointment_plan (branch_id, business_type, slot_minutes, capacity) VALUES (?, ?, ?, ?)
                ON CONFLICT (branch_id, business_type) DO UPDATE SET slot_minutes = EXCLUDED.slot_minutes, capacity = EXCLUDED.capacity""",
                branchId, plan.businessType(), plan.slotMinutes(), plan.capacity());
    }

    public List<AppointmentPlan> plans(String branchId) {
        return db.list("SELECT business_type, slot_minutes, capacity FROM appointment_plan WHERE branch_id = ? ORDER BY business_type",
                AppointmentStore::plan, branchId);
    }

    public Optional<AppointmentPlan> plan(String branchId, String businessType) {
        return db.one("SELECT business_type, slot_minutes, capacity FROM appointment_plan WHERE branch_id = ? AND business_type = ?",
                AppointmentStore::plan, branchId, businessType);
    }

    /** The plan, locked until the transaction ends: bookings of one type at a branch are counted one after another. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AppointmentPlan> lockPlan(String branchId, String businessType) {
        return db.one("SELECT business_type, slot_minutes, capacity FROM appointment_plan WHERE branch_id = ? AND business_type = ? FOR UPDATE",
                AppointmentStore::plan, branchId, businessType);
    }

    /** Places held (booked or checked in) per slot start of a type at a branch in [from, to). */
    public Map<Instant, Integer> placesHeld(String branchId, String businessType, Instant from, Instant to) {
        return db.list("""
                        SELECT slot_start, count(*) FROM appointment
                        WHERE branch_id = ? AND business_type = ? AND slot_start >= ? AND slot_start < ?
                          AND status IN ('BOOKED', 'CHECKED_IN')""" + " AND " + open() + " GROUP BY slot_start",
                rs -> Map.entry(Db.instant(rs, "slot_start"), rs.getInt(2)), branchId, businessType, from, to)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<Appointment> find(UUID id) {
        return db.one("SELECT " + COLUMNS + " FROM appointment WHERE id = ?", AppointmentStore::appointment, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Appointment> findForUpdate(UUID id) {
        return db.one("SELECT " + COLUMNS + " FROM appointment WHERE id = ? FOR UPDATE", AppointmentStore::appointment, id);
    }

    /** The branch's appointment under this check-in code, the open one first, then the latest; locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Appointment> lockByCode(String branchId, String code) {
        return db.one("SELECT " + COLUMNS + """
                         FROM appointment WHERE branch_id = ? AND check_in_code = ?
                        """ + " AND " + open() + " ORDER BY (status = 'BOOKED') DESC, booked_at DESC LIMIT 1 FOR UPDATE",
                AppointmentStore::appointment, branchId, code);
    }

    /** The appointment an earlier booking request with this idempotency key made, the key locked until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Appointment> findByIdempotencyKey(String branchId, String key) {
        db.lockUntilCommit(branchId + "|appointment|" + key);
        return db.one("SELECT " + COLUMNS + " FROM appointment WHERE branch_id = ? AND idempotency_key = ? AND " + open(),
                AppointmentStore::appointment, branchId, key);
    }

    /** Whether a booked appointment of the branch holds this code. */
    public boolean codeInUse(String branchId, String code) {
        return db.count("SELECT count(*) FROM appointment WHERE branch_id = ? AND status = 'BOOKED' AND check_in_code = ? AND "
                + open(), branchId, code) > 0;
    }

    /** A branch's appointments with slots in [from, to), by slot. */
    public List<Appointment> ofBranch(String branchId, Instant from, Instant to) {
        return db.list("SELECT " + COLUMNS + " FROM appointment WHERE branch_id = ? AND slot_start >= ? AND slot_start < ? "
                + "ORDER BY slot_start, booked_at", AppointmentStore::appointment, branchId, from, to);
    }

    /** Up to {@code limit} booked appointments whose slot started at or before {@code startedBy}, locked, skipping those held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Appointment> lockUnattended(Instant startedBy, int limit) {
        return db.list("SELECT " + COLUMNS + """
                         FROM appointment WHERE status = 'BOOKED' AND slot_start <= ?
                        """ + " AND " + open() + " ORDER BY slot_start LIMIT ? FOR UPDATE SKIP LOCKED",
                AppointmentStore::appointment, startedBy, limit);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Appointment a) {
        db.update("INSERT INTO appointment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id, a.branchId, a.businessType, a.slotStart, a.slotEnd, a.status.name(), a.checkInCode, a.customerRef,
                a.bookedAt, a.endedAt, a.ticketId, a.idempotencyKey, a.version);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Appointment a) {
        int changed = db.update("UPDATE appointment SET status = ?, ended_at = ?, ticket_id = ?, version = version + 1 "
                + "WHERE id = ? AND version = ?", a.status.name(), a.endedAt, a.ticketId, a.id, a.version);
        if (changed != 1) {
            throw new ConcurrentModificationException("Appointment " + a.id + " changed since it was read");
        }
        a.version++;
    }

    private static AppointmentPlan plan(ResultSet rs) throws SQLException {
        return new AppointmentPlan(rs.getString("business_type"), rs.getInt("slot_minutes"), rs.getInt("capacity"));
    }

    private static Appointment appointment(ResultSet rs) throws SQLException {
        Appointment a = new Appointment();
        a.id = rs.getObject("id", UUID.class);
        a.branchId = rs.getString("branch_id");
        a.businessType = rs.getString("business_type");
        a.slotStart = Db.instant(rs, "slot_start");
        a.slotEnd = Db.instant(rs, "slot_end");
        a.status = AppointmentStatus.valueOf(rs.getString("status"));
        a.checkInCode = rs.getString("check_in_code");
        a.customerRef = rs.getString("customer_ref");
        a.bookedAt = Db.instant(rs, "booked_at");
        a.endedAt = Db.instant(rs, "ended_at");
        a.ticketId = rs.getObject("ticket_id", UUID.class);
        a.idempotencyKey = rs.getString("idempotency_key");
        a.version = rs.getInt("version");
        return a;
    }
}
