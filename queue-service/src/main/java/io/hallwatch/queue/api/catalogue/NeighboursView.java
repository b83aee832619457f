package io.hallwatch.queue.api.catalogue;

import io.hallwatch.queue.store.catalogue.CatalogueStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The branches a customer facing a long wait may be sent to, with the travel minutes to each (in and
 * out: the admin's PUT replaces the whole list, nearest first in the answer).
 */
public record NeighboursView(@NotNull @Size(max = 20) List<@Valid @NotNull Neighbour> neighbours) {

    public record Neighbour(@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}") String branchId,
                            @NotNull @Min(1) @Max(240) Integer travelMinutes) {
    }

    static NeighboursView of(List<CatalogueStore.Neighbour> neighbours) {
        return new NeighboursView(neighbours.stream().map(n -> new Neighbour(n.branchId(), n.travelMinutes())).toList());
    }

    List<CatalogueStore.Neighbour> toStore() {
        return neighbours.stream().map(n -> new CatalogueStore.Neighbour(n.branchId(), n.travelMinutes())).toList();
    }
}
