package io.hallwatch.common.security;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BranchScopeTest {

    @Test
    void a_token_sees_exactly_its_named_branches() {
        BranchScope scope = BranchScope.of(List.of("GZ-TH-001", "SZ-FT-002"));
        assertTrue(scope.covers("GZ-TH-001"));
        assertTrue(scope.covers("SZ-FT-002"));
        assertFalse(scope.covers("GZ-TH-0011"));
        assertFalse(scope.covers("gz-th-001"));
        assertFalse(scope.covers(null));
        assertFalse(scope.everyBranch());
    }

    @Test
    void a_star_means_every_branch() {
        BranchScope scope = BranchScope.of(List.of("GZ-TH-001", "*"));
        assertTrue(scope.everyBranch());
        assertTrue(scope.covers("ANY-1"));
        assertFalse(scope.covers(null));
    }

    @Test
    void no_claim_an_empty_claim_or_blank_ids_see_nothing() {
        assertFalse(BranchScope.of(null).covers("GZ-TH-001"));
        assertFalse(BranchScope.of(List.of()).covers("GZ-TH-001"));
        BranchScope blank = BranchScope.of(Arrays.asList("", " ", null));
        assertFalse(blank.covers(""));
        assertFalse(blank.covers(" "));
        assertFalse(blank.everyBranch());
    }

    @Test
    void the_claim_is_read_from_a_json_array_a_list_or_a_single_string() {
        assertEquals(List.of("A", "B"), BranchClaims.values(Json.createArrayBuilder().add("A").add("B").build()));
        assertEquals(List.of("A"), BranchClaims.values(List.of("A")));
        assertEquals(List.of("*"), BranchClaims.values("*"));
        assertEquals(List.of(), BranchClaims.values(null));
        assertEquals(List.of("7"), BranchClaims.values(Json.createArrayBuilder().add(7).build()));
    }
}
