package io.hallwatch.marketing.service.customers;

import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.domain.customers.CsvReader;
import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.ProfileImport;
import io.hallwatch.marketing.domain.customers.ProfileImportException;
import io.hallwatch.marketing.store.customers.CustomerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer profiles, loaded by an import that stands in for the operator's CRM. An import is all
 * or nothing: one bad row and nothing is stored ({@link ProfileImportException} lists every
 * problem). The CRM is the truth about its customers: an import replaces what an earlier one said
 * of them, their CRM contact history included; contacts recorded here stay.
 */
@ApplicationScoped
public class CustomerProfiles {
    private static final Logger LOG = Logger.getLogger(CustomerProfiles.class);

    private final CustomerStore store;
    private final MarketingConfig config;
    private final Clock clock;

    CustomerProfiles(CustomerStore store, MarketingConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** What an import did: {@code imported} profiles, of which {@code created} were new. */
    public record ImportSummary(int imported, int created, int updated) {
    }

    /**
     * A CSV body with a header line.
     *
     * @throws CsvReader.CsvFormatException when it is not CSV
     * @throws ProfileImportException when a column or a row is refused (nothing is stored)
     */
    public ImportSummary importCsv(String body) {
        ProfileImport.checkColumns(CsvReader.header(body));
        return importRows(CsvReader.read(body));
    }

    /**
     * Rows as field → text maps (a CSV row, or a JSON profile flattened to the same shape).
     * Safe to run twice at once with overlapping customers: each customer is upserted and locked,
     * in customerRef order so that two imports never wait on each other in a cycle; the later one
     * wins, history included.
     *
     * @throws ProfileImportException when a row is refused (nothing is stored)
     */
    @Transactional
    public ImportSummary importRows(List<Map<String, String>> rows) {
        List<CustomerProfile> parsed = ProfileImport.parse(rows, config.imports().maxRows());
        List<CustomerProfile> inLockOrder = parsed.stream().sorted(Comparator.comparing(CustomerProfile::customerRef)).toList();
        int created = store.writeAll(inLockOrder, clock.instant());
        LOG.infof("Imported %d customer profiles (%d new)", parsed.size(), created);
        return new ImportSummary(parsed.size(), created, parsed.size() - created);
    }

    public Optional<CustomerProfile> find(String customerRef) {
        return store.find(customerRef);
    }
}
