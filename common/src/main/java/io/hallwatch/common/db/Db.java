package io.hallwatch.common.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Plain SQL against the service's database, joining the caller's transaction. The services'
 * statements (upserts, {@code FOR UPDATE SKIP LOCKED}, aggregates over windows) read best as SQL,
 * and without an ORM a service starts without the thousands of classes one loads (bench/README.md, 4).
 */
@ApplicationScoped
public class Db {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Db(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args);
             ResultSet rs = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + firstLine(sql), e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> rows = list(sql, row, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... args) {
        return one(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + firstLine(sql), e);
        }
    }

    /**
     * Waits for, then holds until the transaction ends, a lock on {@code key} (a PostgreSQL advisory
     * lock on its hash): serialises work on something that has no row to lock yet, such as a
     * request's idempotency key. Two keys sharing a hash only wait for each other.
     */
    public void lockUntilCommit(String key) {
        list("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, key);
    }

    /**
     * Runs {@code sql} once for many rows: its parameters are the rows' columns, each bound as a
     * {@code text[]} for the statement to cast ({@code ?::timestamptz[]}) and {@code unnest}.
     * One statement for PostgreSQL to plan and run instead of one per row.
     */
    public <T> List<T> listOverRows(String sql, Row<T> row, List<Object[]> rows) {
        return list(sql, row, columns(rows));
    }

    /** {@link #listOverRows} for a statement without results; returns the rows it changed. */
    public int updateOverRows(String sql, List<Object[]> rows) {
        return rows.isEmpty() ? 0 : update(sql, columns(rows));
    }

    private static Object[] columns(List<Object[]> rows) {
        int width = rows.isEmpty() ? 0 : rows.get(0).length;
        Object[] columns = new Object[width];
        for (int c = 0; c < width; c++) {
            List<String> column = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                Object v = r[c];
                column.add(v == null ? null : v instanceof Enum<?> e ? e.name() : v.toString());
            }
            columns[c] = column;
        }
        return columns;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A nullable long column. */
    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        bind(s, args);
        return s;
    }

    /** Binds {@code args}; a collection of strings becomes a {@code text[]} (for {@code = ANY(?)}). */
    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Collection<?> values) {
                s.setArray(i + 1, s.getConnection().createArrayOf("text", values.toArray()));
            } else if (a instanceof Instant t) {
                s.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            } else if (a instanceof Enum<?> e) {
                s.setString(i + 1, e.name());
            } else if (a == null) {
                s.setNull(i + 1, java.sql.Types.NULL);
            } else {
                s.setObject(i + 1, a);
            }
        }
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl);
    }
}
