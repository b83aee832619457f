package io.hallwatch.marketing.api.catalogue;

import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class CatalogueTest {

    /** Valid only from 2030: it can never win a recommendation in the other tests. */
    static final String FUTURE_OFFER = """
            {"name":"Family plan","nameZh":"亲情套餐","category":"PLAN",
             "shortPitch":"一家人共享流量，每月更省。","fullScript":"亲情套餐可以让全家共享流量和通话分钟数。",
             "demoStep":"展示家庭成员共享的资费表。","businessTypes":["NEW_LINE","GENERAL"],
             "eligibility":{"minSpendBand":"HIGH","contractEndsWithinDays":60},"priority":5,
             "validFrom":"2030-01-01","validTo":"2030-12-31"}""";

    @Test
    void the_sample_catalogue_from_the_manuals_is_served_with_its_eligibility_rules() {
        given().when().get("/api/v1/offers").then().statusCode(200)
                .body("code", hasItems("DATA-10G", "MMS-PACK", "CRBT", "MOBILE-NEWS", "MAIL-139", "MOBILE-VIDEO",
                        "BROADBAND-100M", "FIXED-LINE", "GROUP-VNET", "ENTERPRISE-SMS", "M2M"))
                .body("find { it.code == 'DATA-10G' }.eligibility.minDataUsagePercent", equalTo(80))
                .body("find { it.code == 'BROADBAND-100M' }.eligibility.broadband", equalTo("WITHOUT"))
                .body("find { it.code == 'GROUP-VNET' }.eligibility.groupMembersOnly", equalTo(true))
                .body("find { it.code == 'MMS-PACK' }.businessTypes", hasItem("COMPLAINT"));
        given().when().get("/api/v1/offers/MMS-PACK").then().statusCode(200)
                .body("shortPitch", equalTo("彩信已经帮您修好，加个彩信包费用减半。"))
                .body("demoStep", equalTo("给客户手机发送一条测试彩信，确认能正常接收。"))
                .body("validTo", nullValue());
    }

    @Test
    void marketing_staff_add_and_then_change_an_offer() {
        given().contentType(ContentType.JSON).body(FUTURE_OFFER).when().put("/api/v1/offers/FAMILY-PLAN")
                .then().statusCode(201).body("code", equalTo("FAMILY-PLAN"))
                .body("eligibility.minSpendBand", equalTo("HIGH"))
                .body("eligibility.broadband", equalTo("ANY"));
        given().contentType(ContentType.JSON).body(FUTURE_OFFER.replace("\"priority\":5", "\"priority\":9"))
                .when().put("/api/v1/offers/FAMILY-PLAN").then().statusCode(200).body("priority", equalTo(9));
        given().when().get("/api/v1/offers/FAMILY-PLAN").then().statusCode(200)
                .body("businessTypes", hasItems("GENERAL", "NEW_LINE"));
    }

    @Test
    void an_invalid_offer_is_refused_field_by_field() {
        given().contentType(ContentType.JSON)
                .body(FUTURE_OFFER.replace("\"shortPitch\":\"一家人共享流量，每月更省。\"", "\"shortPitch\":\"\"")
                        .replace("\"NEW_LINE\"", "\"new line\""))
                .when().put("/api/v1/offers/BAD-1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/validation"))
                .body("violations.field", hasItem("shortPitch"))
                .body("violations.findAll { it.field.startsWith('businessTypes') }.size()", equalTo(1));
    }

    @Test
    void a_validity_that_ends_before_it_starts_is_refused() {
        given().contentType(ContentType.JSON).body(FUTURE_OFFER.replace("\"validTo\":\"2030-12-31\"", "\"validTo\":\"2029-12-31\""))
                .when().put("/api/v1/offers/BAD-2").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://hallwatch.io/problems/invalid-validity"));
    }

    @Test
    void unknown_enum_values_and_bad_codes_are_client_errors() {
        given().contentType(ContentType.JSON).body(FUTURE_OFFER.replace("\"HIGH\"", "\"ENORMOUS\""))
                .when().put("/api/v1/offers/BAD-3").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(FUTURE_OFFER)
                .when().put("/api/v1/offers/bad code").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void an_unknown_offer_is_a_problem_not_found() {
        given().when().get("/api/v1/offers/NO-SUCH-OFFER").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/offer-not-found"));
    }
}
