package io.hallwatch.marketing.api.customers;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.marketing.support.Db;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two CRM imports of the same customers at once (an operator's retry while the first still runs,
 * two extracts overlapping) used to race: both found no profile, both inserted, one got a 500.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentImportTest {
    private static final int EACH = 120;
    private static final int OVERLAP = 80;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void two_overlapping_imports_at_once_both_succeed_and_leave_each_customer_once_with_one_history() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String prefix = "RACE" + round + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
                List<String> refs = IntStream.range(0, 2 * EACH - OVERLAP).mapToObj(i -> prefix + i).toList();
                // The second import lists its customers in the opposite order, as another extract may.
                String low = profiles(refs.subList(0, EACH), "LOW", "2026-11-01/DATA-10G/DECLINED");
                String high = profiles(reversed(refs.subList(EACH - OVERLAP, refs.size())), "HIGH",
                        "2026-10-01/CRBT/DECLINED;2026-10-02//");

                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> post(start, low), pool);
                CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> post(start, high), pool);
                start.countDown();
                Response first = a.get();
                Response second = b.get();

                assertEquals(200, first.statusCode(), first.asString());
                assertEquals(200, second.statusCode(), second.asString());
                assertEquals(refs.size(), first.<Integer>path("created") + second.<Integer>path("created"), "created");
                assertEquals(OVERLAP, first.<Integer>path("updated") + second.<Integer>path("updated"), "updated");
                assertEquals(refs.size(), Db.count(dataSource,
                        "SELECT count(*) FROM customer_profile WHERE customer_ref LIKE ?", prefix + "%"));
                // Each customer's CRM history is the one its profile came from: never both imports'.
                assertEquals(0, Db.count(dataSource, """
                        SELECT count(*) FROM customer_profile p
                        WHERE p.customer_ref LIKE ?
                          AND (SELECT count(*) FROM customer_contact c
                               WHERE c.customer_ref = p.customer_ref AND c.source = 'CRM')
                              <> CASE p.spend_band WHEN 'LOW' THEN 1 ELSE 2 END""", prefix + "%"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response post(CountDownLatch start, String body) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/customers/import")
                .then().extract().response();
    }

    private static String profiles(List<String> refs, String spendBand, String contacts) {
        List<String> rows = new ArrayList<>();
        for (String ref : refs) {
            rows.add("{\"customerRef\":\"" + ref + "\",\"spendBand\":\"" + spendBand + "\",\"lastContacts\":[\""
                    + String.join("\",\"", contacts.split(";")) + "\"]}");
        }
        return "[" + String.join(",", rows) + "]";
    }

    private static List<String> reversed(List<String> refs) {
        List<String> copy = new ArrayList<>(refs);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
