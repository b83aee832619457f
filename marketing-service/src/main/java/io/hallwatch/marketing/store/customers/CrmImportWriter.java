package io.hallwatch.marketing.store.customers;

import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.PastContact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Writes one imported profile and its CRM contact history on the transaction's connection,
 * race-free against another import of the same customer: the profile is inserted with
 * {@code ON CONFLICT DO NOTHING} (which waits for a concurrent insert of the same customer to
 * commit instead of failing on the primary key) or else updated, and either way the profile row
 * stays locked until commit, so the CRM history is replaced by one import at a time.
 */
final class CrmImportWriter implements AutoCloseable {
    private static final String COLUMNS = "current_plan = ?, spend_band = ?, data_used_mb = ?, data_allowance_mb = ?, "
            + "has_broadband = ?, contract_end = ?, group_ref = ?, marketing_opt_out = ?, imported_at = ?";

    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement deleteCrmContacts;
    private final PreparedStatement insertContact;
    private final ZoneId zone;

    CrmImportWriter(Connection connection, ZoneId zone) throws SQLException {
        this.insert = connection.prepareStatement("INSERT INTO customer_profile (current_plan, spend_band, data_used_mb, "
                + "data_allowance_mb, has_broadband, contract_end, group_ref, marketing_opt_out, imported_at, customer_ref) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_ref) DO NOTHING");
        this.update = connection.prepareStatement("UPDATE customer_profile SET " + COLUMNS + " WHERE customer_ref = ?");
        this.deleteCrmContacts = connection.prepareStatement(
                "DELETE FROM customer_contact WHERE customer_ref = ? AND source = 'CRM'");
        this.insertContact = connection.prepareStatement("INSERT INTO customer_contact "
                + "(customer_ref, contacted_at, offer_code, result, source) VALUES (?, ?, ?, ?, 'CRM')");
        this.zone = zone;
    }

    /** @return whether the profile was new */
    boolean write(CustomerProfile p, Instant now) throws SQLException {
        bindProfile(insert, p, now);
        boolean created = insert.executeUpdate() == 1;
        if (!created) {
            bindProfile(update, p, now);
            update.executeUpdate();
        }
        deleteCrmContacts.setString(1, p.customerRef());
        deleteCrmContacts.executeUpdate();
        for (PastContact c : p.lastContacts()) {
            insertContact.setString(1, p.customerRef());
            insertContact.setObject(2, utc(startOf(c.on())));
            insertContact.setString(3, c.offerCode());
            insertContact.setString(4, c.result() == null ? null : c.result().name());
            insertContact.addBatch();
        }
        insertContact.executeBatch();
        return created;
    }

    /** Both statements take the profile's columns in the same order, then the customer_ref. */
    private static void bindProfile(PreparedStatement s, CustomerProfile p, Instant now) throws SQLException {
        s.setString(1, p.currentPlan());
        s.setString(2, p.spendBand() == null ? null : p.spendBand().name());
        s.setObject(3, p.dataUsedMb(), Types.BIGINT);
        s.setObject(4, p.dataAllowanceMb(), Types.BIGINT);
        s.setBoolean(5, p.hasBroadband());
        s.setObject(6, p.contractEnd(), Types.DATE);
        s.setString(7, p.groupRef());
        s.setBoolean(8, p.marketingOptOut());
        s.setObject(9, utc(now));
        s.setString(10, p.customerRef());
    }

    @Override
    public void close() throws SQLException {
        try (insert; update; deleteCrmContacts; insertContact) {
            // closes all four, even if one fails
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
