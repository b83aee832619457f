package io.hallwatch.queue.domain.catalogue;

/**
 * A kind of business a branch serves, as the kiosk shows it: code, ticket prefix, names. Its limits are
 * the service standard's, not the catalogue's (see {@link CatalogueEntry}).
 */
public record BusinessType(String code, String ticketPrefix, String name, String nameZh) {

    public char prefix() {
        return ticketPrefix.charAt(0);
    }
}
