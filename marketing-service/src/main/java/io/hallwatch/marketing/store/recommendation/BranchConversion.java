package io.hallwatch.marketing.store.recommendation;

/** A branch's counter outcomes over a window: how many offers were accepted, of how many pitched. */
public record BranchConversion(String branchId, Long accepted, Long pitched) {
}
