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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class CustomerImportTest {

    @Inject
    AgroalDataSource dataSource;

    static String ref(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_csv_extract_from_the_crm_creates_profiles_with_their_contact_history() {
        String a = ref("CSV");
        String b = ref("CSV");
        String csv = "customerRef,currentPlan,spendBand,dataUsedMb,dataAllowanceMb,hasBroadband,contractEnd,groupRef,marketingOptOut,lastContacts\n"
                + a + ",畅享套餐58元,MEDIUM,9500,10240,false,2027-03-31,GRP-ACME,false,2026-11-01/DATA-10G/DECLINED;2026-11-15\n"
                + b + ",\"Basic, 18\",LOW,,,true,,,true,\n";
        given().contentType("text/csv").body(csv).when().post("/api/v1/customers/import")
                .then().statusCode(200).body("imported", equalTo(2)).body("created", equalTo(2)).body("updated", equalTo(0));

        given().when().get("/api/v1/customers/" + a).then().statusCode(200)
                .body("spendBand", equalTo("MEDIUM"))
                .body("dataUsagePercent", equalTo(92))
                .body("groupRef", equalTo("GRP-ACME"))
                .body("lastContacts", hasSize(2))
                .body("lastContacts[0].on", equalTo("2026-11-01"))
                .body("lastContacts[0].offerCode", equalTo("DATA-10G"))
                .body("lastContacts[0].result", equalTo("DECLINED"));
        given().when().get("/api/v1/customers/" + b).then().statusCode(200)
                .body("currentPlan", equalTo("Basic, 18")).body("marketingOptOut", equalTo(true))
                .body("hasBroadband", equalTo(true));
    }

    @Test
    void a_json_import_of_a_known_customer_replaces_what_the_crm_said_before() {
        String a = ref("JSON");
        String first = "[{\"customerRef\":\"" + a + "\",\"spendBand\":\"HIGH\",\"dataUsedMb\":100,\"dataAllowanceMb\":1000,"
                + "\"lastContacts\":[{\"on\":\"2026-10-01\",\"offerCode\":\"CRBT\",\"result\":\"DECLINED\"},{\"on\":\"2026-10-02\"}]}]";
        given().contentType(ContentType.JSON).body(first).when().post("/api/v1/customers/import")
                .then().statusCode(200).body("created", equalTo(1));
        String second = "[{\"customerRef\":\"" + a + "\",\"spendBand\":\"LOW\",\"marketingOptOut\":true,"
                + "\"lastContacts\":[\"2026-11-20//\"]}]";
        given().contentType(ContentType.JSON).body(second).when().post("/api/v1/customers/import")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1));
        given().when().get("/api/v1/customers/" + a).then().statusCode(200)
                .body("spendBand", equalTo("LOW")).body("marketingOptOut", equalTo(true))
                .body("dataUsedMb", equalTo(null))
                .body("lastContacts.on", equalTo(java.util.List.of("2026-11-20")));
        assertEquals(1, Db.count(dataSource, "SELECT count(*) FROM customer_contact WHERE customer_ref = ?", a));
    }

    @Test
    void a_phone_number_column_refuses_the_whole_import_and_stores_nothing() {
        String good = ref("OK");
        String csv = "customerRef,phone\n" + good + ",13812345678\n";
        given().contentType("text/csv").body(csv).when().post("/api/v1/customers/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/invalid-customer-import"))
                .body("violations.field", hasItem("phone"))
                .body("violations[0].message", containsString("personal data is not accepted"))
                .body(org.hamcrest.Matchers.not(containsString("13812345678")));
        assertEquals(0, Db.count(dataSource, "SELECT count(*) FROM customer_profile WHERE customer_ref = ?", good));
    }

    @Test
    void a_phone_number_as_reference_or_inside_a_field_is_refused_with_the_row() {
        String good = ref("OK");
        String json = "[{\"customerRef\":\"" + good + "\"},{\"customerRef\":\"13812345678\"},"
                + "{\"customerRef\":\"X-1\",\"mobile\":\"13812345678\",\"currentPlan\":\"plan 13812345678\"}]";
        given().contentType(ContentType.JSON).body(json).when().post("/api/v1/customers/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("rows[2].customerRef", "rows[3].mobile", "rows[3].currentPlan"));
        assertEquals(0, Db.count(dataSource, "SELECT count(*) FROM customer_profile WHERE customer_ref = ?", good));
    }

    @Test
    void bodies_of_the_wrong_shape_are_client_errors() {
        given().contentType(ContentType.JSON).body("{\"customerRef\":\"A\"}").when().post("/api/v1/customers/import")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[1,2]").when().post("/api/v1/customers/import")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[{").when().post("/api/v1/customers/import")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[]").when().post("/api/v1/customers/import")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/csv").body("customerRef,\"open\nA,1").when().post("/api/v1/customers/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/malformed-csv"));
        given().contentType("application/xml").body("<customers/>").when().post("/api/v1/customers/import")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void an_unknown_customer_is_not_found() {
        given().when().get("/api/v1/customers/NOBODY-1").then().statusCode(404).contentType("application/problem+json");
    }
}
