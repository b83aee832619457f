package io.hallwatch.queue.store.catalogue;

import io.hallwatch.common.db.Db;
import io.hallwatch.queue.domain.catalogue.Branch;
import io.hallwatch.queue.domain.catalogue.BusinessType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The business_type, branch and branch_business_type tables. */
@ApplicationScoped
public class CatalogueStore {
    private static final String TYPE_COLUMNS = "code, ticket_prefix, name, name_zh";

    private final Db db;

    CatalogueStore(Db db) {
        this.db = db;
    }

    public Optional<BusinessType> type(String code) {
        return db.one("SELECT " + TYPE_COLUMNS + " FROM business_type WHERE code = ?", CatalogueStore::type, code);
    }

    public Optional<BusinessType> typeWithPrefix(String prefix) {
        return db.one("SELECT " + TYPE_COLUMNS + " FROM business_type WHERE ticket_prefix = ?", CatalogueStore::type, prefix);
    }

    public List<BusinessType> types() {
        return db.list("SELECT " + TYPE_COLUMNS + " FROM business_type ORDER BY ticket_prefix", CatalogueStore::type);
    }

    /** A branch's configured neighbour with the travel to it. */
    public record Neighbour(String branchId, int travelMinutes) {
    }

    public List<Neighbour> neighbours(String branchId) {
        return db.list("SELECT neighbour_id, travel_minutes FROM branch_neighbour WHERE branch_id = ? ORDER BY travel_minutes, neighbour_id",
                rs -> new Neighbour(rs.getString(1), rs.getInt(2)), branchId);
    }

    /** Replaces the branch's whole list. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void putNeighbours(String branchId, List<Neighbour> neighbours) {
        db.update("DELETE FROM branch_neighbour WHERE branch_id = ?", branchId);
        for (Neighbour n : neighbours) {
            db.update("INSERT INTO branch_neighbour (branch_id, neighbour_id, travel_minutes) VALUES (?, ?, ?)",
                    branchId, n.branchId(), n.travelMinutes());
        }
    }

    /** Every branch's id. */
    public List<String> branchIds() {
        return db.list("SELECT id FROM branch ORDER BY id", rs -> rs.getString(1));
    }

    // A branch offering no type yet aggregates a NULL from the outer join: removed.
    private static final String BRANCHES = """
            SELECT b.id, b.name, b.time_zone, b.opens_at, b.closes_at, b.close_grace_minutes, b.turn_notice_ahead,
                   array_remove(array_agg(t.business_type_code), NULL) AS business_types
            FROM branch b LEFT JOIN branch_business_type t ON t.branch_id = b.id""";

    public Optional<Branch> branch(String id) {
        return db.one(BRANCHES + " WHERE b.id = ? GROUP BY b.id", CatalogueStore::branch, id);
    }

    /** Every branch with its set-up, sorted by id. */
    public List<Branch> branches() {
        return db.list(BRANCHES + " GROUP BY b.id ORDER BY b.id", CatalogueStore::branch);
    }

    private static Branch branch(ResultSet rs) throws SQLException {
        return new Branch(rs.getString("id"), rs.getString("name"), rs.getString("time_zone"),
                rs.getObject("opens_at", LocalTime.class), rs.getObject("closes_at", LocalTime.class),
                rs.getInt("close_grace_minutes"), Set.of((String[]) rs.getArray("business_types").getArray()),
                rs.getInt("turn_notice_ahead"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void putType(BusinessType type) {
        db.update("""
                        INSERT INTO business_type (code, ticket_prefix, name, name_zh)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET ticket_prefix = EXCLUDED.ticket_prefix, name = EXCLUDED.name,
                            name_zh = EXCLUDED.name_zh""",
                type.code(), type.ticketPrefix(), type.name(), type.nameZh());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void putBranch(Branch branch) {
        db.update("""
                        INSERT INTO branch (id, name, time_zone, opens_at, closes_at, close_grace_minutes, turn_notice_ahead)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
                            opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at,
                            close_grace_minutes = EXCLUDED.close_grace_minutes, turn_notice_ahead = EXCLUDED.turn_notice_ahead""",
                branch.id(), branch.name(), branch.timeZone(), branch.opensAt(), branch.closesAt(), branch.closeGraceMinutes(),
                branch.turnNoticeAhead());
        db.update("DELETE FROM branch_business_type WHERE branch_id = ? AND NOT (business_type_code = ANY (?))",
                branch.id(), branch.businessTypes());
        db.update("""
                        INSERT INTO branch_business_type (branch_id, business_type_code)
                        SELECT ?, code FROM unnest(CAST(? AS text[])) AS code ON CONFLICT DO NOTHING""",
                branch.id(), branch.businessTypes());
    }

    private static BusinessType type(ResultSet rs) throws SQLException {
        return new BusinessType(rs.getString("code"), rs.getString("ticket_prefix"), rs.getString("name"), rs.getString("name_zh"));
    }
}
