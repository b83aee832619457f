package io.hallwatch.web.api;

import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.hallwatch.testsupport.jwt.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The module as packaged by default: the development sign-in is off (no form, POST /signin is 404,
 * no cookie), and pages and the gateway refuse what they must without calling any service.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class SignInOffTest {
    static {
        RestAssured.config = RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    @Test
    void by_default_the_sign_in_page_names_the_identity_provider_and_mints_nothing() {
        given().get("/signin").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("统一身份认证"), not(containsString("<form method=\"post\" action=\"/signin\"")))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        given().contentType("application/x-www-form-urlencoded").formParam("role", "admin").formParam("branches", "*")
                .post("/signin").then().statusCode(404).header("Set-Cookie", nullValue());
    }

    @Test
    void a_screen_without_a_sign_in_sends_the_person_to_sign_in_and_a_bad_address_is_a_page() {
        given().get("/kiosk/GZ-TH-001").then().statusCode(303).header("Location", endsWith("/signin?next=%2Fkiosk%2FGZ-TH-001"));
        given().get("/display/GZ TH").then().statusCode(400).contentType(startsWith("text/html"));
    }

    @Test
    void a_kiosk_token_gets_a_refusal_page_for_the_counter_workstation_and_a_forged_one_is_no_sign_in() {
        String kiosk = Tokens.role("kiosk").branches("GZ-TH-001").jwt();
        given().cookie("hallwatch-token", kiosk).get("/counter/GZ-TH-001/C01").then().statusCode(403)
                .contentType(startsWith("text/html")).body(containsString("此账号不能打开柜台工作台"));
        given().cookie("hallwatch-token", kiosk).get("/kiosk/SZ-FT-002").then().statusCode(403)
                .body(containsString("这个营业厅"));
        given().cookie("hallwatch-token", Tokens.role("kiosk").branches("GZ-TH-001").badSignature().jwt())
                .get("/kiosk/GZ-TH-001").then().statusCode(303);
        given().cookie("hallwatch-token", Tokens.role("kiosk").branches("GZ-TH-001").expired().jwt())
                .get("/kiosk/GZ-TH-001").then().statusCode(303);
    }

    @Test
    void a_wrong_method_or_body_gets_a_page_or_a_problem_never_a_stack() {
        given().contentType("application/json").body("{\"role\":\"kiosk\"}").post("/signin").then().statusCode(415)
                .contentType(startsWith("text/html")).body(not(containsString("Exception")), not(containsString("at io.")));
        given().delete("/kiosk/GZ-TH-001").then().statusCode(405).contentType(startsWith("text/html"));
        given().post("/session").then().statusCode(405).contentType(startsWith("application/problem+json"));
    }

    @Test
    void the_gateway_answers_problems_itself_for_no_sign_in_an_unknown_path_and_a_silent_service() {
        given().get("/api/v1/branches/GZ-TH-001/queue").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).header("WWW-Authenticate", "Bearer");
        String kiosk = Tokens.role("kiosk").branches("GZ-TH-001").jwt();
        given().cookie("hallwatch-token", kiosk).get("/api/v1/nothing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        // The test profile points every service at a port where nothing listens.
        given().cookie("hallwatch-token", kiosk).get("/api/v1/branches/GZ-TH-001/queue").then().statusCode(503)
                .contentType(startsWith("application/problem+json")).header("Retry-After", "5")
                .body(containsString("/problems/service-unavailable"), not(containsString("Exception")));
    }
}
