package io.hallwatch.marketing.domain.customers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileImportTest {

    private static Map<String, String> row(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<ImportViolation> refused(List<Map<String, String>> rows) {
        return assertThrows(ProfileImportException.class, () -> ProfileImport.parse(rows, 100)).violations();
    }

    @Test
    void a_full_row_becomes_a_profile() {
        CustomerProfile p = ProfileImport.parse(List.of(row(
                "customerRef", "CRM-88231", "currentPlan", "畅享套餐58元", "spendBand", "medium",
                "dataUsedMb", "9500", "dataAllowanceMb", "10240", "hasBroadband", "no", "contractEnd", "2027-03-31",
                "groupRef", "GRP-ACME", "marketingOptOut", "false",
                "lastContacts", "2026-11-01/DATA-10G/DECLINED;2026-11-15")), 100).get(0);
        assertEquals("CRM-88231", p.customerRef());
        assertEquals(SpendBand.MEDIUM, p.spendBand());
        assertEquals(OptionalInt.of(92), p.dataUsagePercent());
        assertFalse(p.hasBroadband());
        assertEquals(LocalDate.parse("2027-03-31"), p.contractEnd());
        assertTrue(p.groupMember());
        assertFalse(p.marketingOptOut());
        assertEquals(List.of(new PastContact(LocalDate.parse("2026-11-01"), "DATA-10G", ContactResult.DECLINED),
                new PastContact(LocalDate.parse("2026-11-15"), null, null)), p.lastContacts());
    }

    @Test
    void only_the_reference_is_required() {
        CustomerProfile p = ProfileImport.parse(List.of(row("customerRef", "C-1")), 100).get(0);
        assertNull(p.spendBand());
        assertEquals(OptionalInt.empty(), p.dataUsagePercent());
        assertFalse(p.groupMember());
        assertFalse(p.marketingOptOut());
        assertTrue(p.lastContacts().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "+8613812345678", "1234567"})
    void a_phone_number_as_reference_is_refused(String ref) {
        List<ImportViolation> v = refused(List.of(row("customerRef", ref)));
        assertEquals("customerRef", v.get(0).field());
        assertTrue(v.get(0).message().contains("phone"), v.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone", "mobilePhone", "msisdn", "name", "customerName", "email", "homeAddress", "idCard", "手机号码", "姓名"})
    void a_field_that_names_personal_data_is_refused(String field) {
        List<ImportViolation> v = refused(List.of(row("customerRef", "C-1", field, "x")));
        assertEquals(field, v.get(0).field());
        assertTrue(v.get(0).message().startsWith("personal data is not accepted"), v.get(0).message());
    }

    @Test
    void a_column_that_names_personal_data_is_refused_before_any_row_is_read() {
        ProfileImportException e = assertThrows(ProfileImportException.class,
                () -> ProfileImport.checkColumns(List.of("customerRef", "phone")));
        assertEquals(0, e.violations().get(0).row());
        ProfileImport.checkColumns(ProfileImport.FIELDS);
    }

    @Test
    void an_unknown_field_is_named_with_the_known_ones() {
        List<ImportViolation> v = refused(List.of(row("customerRef", "C-1", "favouriteColour", "blue")));
        assertTrue(v.get(0).message().contains("customerRef, currentPlan"), v.get(0).message());
    }

    @Test
    void a_plan_text_that_hides_a_phone_number_is_refused() {
        List<ImportViolation> v = refused(List.of(row("customerRef", "C-1", "currentPlan", "call 13812345678")));
        assertEquals("currentPlan", v.get(0).field());
    }

    @Test
    void every_bad_field_of_every_row_is_reported_with_its_row() {
        List<ImportViolation> v = refused(List.of(
                row("customerRef", "C-1"),
                row("customerRef", "C-2", "spendBand", "ENORMOUS", "dataUsedMb", "-5"),
                row("customerRef", "C 3", "hasBroadband", "maybe", "contractEnd", "31/12/2026")));
        assertEquals(List.of("2:spendBand", "2:dataUsedMb", "3:customerRef", "3:hasBroadband", "3:contractEnd"),
                v.stream().map(x -> x.row() + ":" + x.field()).toList());
    }

    @Test
    void a_missing_reference_and_a_duplicate_are_refused() {
        assertEquals("customerRef", refused(List.of(row("spendBand", "LOW"))).get(0).field());
        List<ImportViolation> dup = refused(List.of(row("customerRef", "C-1"), row("customerRef", "C-1")));
        assertEquals(2, dup.get(0).row());
    }

    @Test
    void malformed_contacts_are_refused() {
        assertEquals("lastContacts", refused(List.of(row("customerRef", "C-1", "lastContacts", "yesterday"))).get(0).field());
        assertEquals("lastContacts", refused(List.of(row("customerRef", "C-1", "lastContacts", "2026-11-01/X/MAYBE"))).get(0).field());
        assertEquals("lastContacts", refused(List.of(row("customerRef", "C-1", "lastContacts", "2026-11-01/a/b/c"))).get(0).field());
        assertEquals("lastContacts", refused(List.of(row("customerRef", "C-1", "lastContacts", "2026-11-01;;"))).get(0).field());
    }

    @Test
    void an_empty_import_and_one_over_the_limit_are_refused() {
        assertEquals("body", refused(List.of()).get(0).field());
        ProfileImportException e = assertThrows(ProfileImportException.class,
                () -> ProfileImport.parse(List.of(row("customerRef", "A"), row("customerRef", "B")), 1));
        assertTrue(e.violations().get(0).message().contains("limit of 1"));
    }

    @Test
    void booleans_accept_the_usual_spellings() {
        for (String yes : List.of("true", "TRUE", "yes", "Y", "1")) {
            assertTrue(ProfileImport.parse(List.of(row("customerRef", "C", "marketingOptOut", yes)), 1).get(0).marketingOptOut());
        }
        for (String no : List.of("false", "No", "n", "0")) {
            assertFalse(ProfileImport.parse(List.of(row("customerRef", "C", "hasBroadband", no)), 1).get(0).hasBroadband());
        }
    }
}
