package io.hallwatch.marketing.api.campaign;

import io.hallwatch.events.OfferOutcomeRecorded;
import io.hallwatch.events.Topics;
import io.hallwatch.marketing.support.Events;
import io.hallwatch.marketing.support.Scenario;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A manager runs an enterprise on-site campaign end to end through the API and reads its evaluation. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class CampaignFlowTest {

    @Inject
    MutableClock clock;

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    String plan(String branch, LocalDate starts, LocalDate ends, String staff, String lead) {
        return """
                {"branchId":"%s","groupRef":"GRP-ACME","groupName":"ACME Logistics","site":"Staff canteen, building A",
                 "startsOn":"%s","endsOn":"%s","leadStaffId":"%s","staff":[%s],
                 "targets":[{"offerCode":"GROUP-VNET","target":10},{"offerCode":"M2M","target":40},{"offerCode":"ENTERPRISE-SMS","target":3}],
                 "surgePlan":"Two more staff on call at the branch; acceptance forms pre-printed; a second laptop."}"""
                .formatted(branch, starts, ends, lead, staff);
    }

    ValidatableResponse create(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/campaigns").then();
    }

    ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** One result as the test posts it, to recompute the evaluation on its own. */
    record Posted(String id, String kind, String staff, String offer, int quantity, String leadId) {
    }

    Posted lead(String campaign, String staff, String offer, String customerRef) {
        String body = "{\"staffId\":\"" + staff + "\",\"offerCode\":\"" + offer + "\""
                + (customerRef == null ? "" : ",\"customerRef\":\"" + customerRef + "\"") + "}";
        JsonPath p = post("/api/v1/campaigns/" + campaign + "/leads", body).statusCode(201)
                .body("kind", equalTo("LEAD")).extract().jsonPath();
        return new Posted(p.getString("id"), "LEAD", staff, offer, 1, null);
    }

    Posted sale(String campaign, String staff, String offer, int quantity, String leadId) {
        String body = "{\"staffId\":\"" + staff + "\",\"offerCode\":\"" + offer + "\",\"quantity\":" + quantity
                + (leadId == null ? "" : ",\"leadId\":\"" + leadId + "\"") + "}";
        JsonPath p = post("/api/v1/campaigns/" + campaign + "/sales", body).statusCode(201)
                .body("kind", equalTo("SALE")).extract().jsonPath();
        return new Posted(p.getString("id"), "SALE", staff, offer, quantity, leadId);
    }

    @Test
    void a_manager_plans_runs_and_evaluates_a_campaign_at_an_enterprise() {
        String branch = Scenario.branch();
        String customer = Scenario.importProfile("{\"customerRef\":\"$REF\",\"groupRef\":\"GRP-ACME\"}");
        JsonPath created = create(plan(branch, today(), today().plusDays(1), "\"s1\",\"s2\",\"s3\",\"s4\"", "s1"))
                .statusCode(201).header("Location", containsString("/api/v1/campaigns/"))
                .body("status", equalTo("RUNNING")).body("staff", equalTo(List.of("s1", "s2", "s3", "s4")))
                .body("targets.offerCode", equalTo(List.of("ENTERPRISE-SMS", "GROUP-VNET", "M2M")))
                .extract().jsonPath();
        String id = created.getString("id");
        given().when().get("/api/v1/campaigns/" + id).then().statusCode(200).body("leadStaffId", equalTo("s1"));
        given().queryParam("branchId", branch).when().get("/api/v1/campaigns").then().statusCode(200).body("id", equalTo(List.of(id)));

        List<Posted> posted = new ArrayList<>();
        Posted l1 = lead(id, "s1", "GROUP-VNET", customer);
        posted.add(l1);
        posted.add(sale(id, "s1", "GROUP-VNET", 4, null));
        posted.add(sale(id, "s2", "M2M", 25, null));
        Posted l2 = lead(id, "s2", "M2M", null);
        posted.add(l2);
        posted.add(lead(id, "s3", "ENTERPRISE-SMS", null));
        posted.add(sale(id, "s3", "GROUP-VNET", 1, l1.id()));
        posted.add(sale(id, "s4", "M2M", 20, l2.id()));
        posted.add(lead(id, "s4", "GROUP-VNET", null));
        posted.add(sale(id, "s2", "ENTERPRISE-SMS", 3, null));

        // a lead converts once; results come from the campaign's staff, for its products
        post("/api/v1/campaigns/" + id + "/sales", "{\"staffId\":\"s1\",\"offerCode\":\"GROUP-VNET\",\"leadId\":\"" + l1.id() + "\"}")
                .statusCode(409).body("type", equalTo("https://hallwatch.io/problems/lead-already-converted"));
        post("/api/v1/campaigns/" + id + "/sales", "{\"staffId\":\"s1\",\"offerCode\":\"M2M\",\"leadId\":\"" + UUID.randomUUID() + "\"}")
                .statusCode(400).body("type", equalTo("https://hallwatch.io/problems/unknown-lead"));
        post("/api/v1/campaigns/" + id + "/leads", "{\"staffId\":\"s9\",\"offerCode\":\"CRBT\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/campaign-rules"))
                .body("violations.field", hasItems("staffId", "offerCode"));
        post("/api/v1/campaigns/" + id + "/leads", "{\"staffId\":\"s1\",\"offerCode\":\"M2M\",\"customerRef\":\"13812345678\"}")
                .statusCode(400).body("violations.field", hasItem("customerRef")).body(not(containsString("13812345678")));

        // the branch works the follow-ups the leads left: one declines
        JsonPath followUps = given().queryParam("status", "ALL").when().get("/api/v1/branches/" + branch + "/follow-ups")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(4, followUps.getList("id").size());
        assertEquals(List.of("CAMPAIGN"), followUps.getList("source").stream().distinct().toList());
        assertEquals(List.of(id), followUps.getList("campaignId").stream().distinct().toList());
        // the two converted leads' follow-ups were closed by their sale; the other two are open
        JsonPath open = given().when().get("/api/v1/branches/" + branch + "/follow-ups").then().extract().jsonPath();
        assertEquals(Set.of("ENTERPRISE-SMS", "GROUP-VNET"), Set.copyOf(open.getList("offerCode")));
        String smsFollowUp = open.getString("find { it.offerCode == 'ENTERPRISE-SMS' }.id");
        post("/api/v1/branches/" + branch + "/follow-ups", "{\"followUpId\":\"" + smsFollowUp + "\",\"result\":\"DECLINED\"}").statusCode(200);

        JsonPath e = given().when().get("/api/v1/campaigns/" + id + "/evaluation").then().statusCode(200).extract().jsonPath();
        assertEquals("RUNNING", e.getString("status"));
        assertEquals(4, e.getInt("staffCount"));
        Map<String, Integer> targets = Map.of("GROUP-VNET", 10, "M2M", 40, "ENTERPRISE-SMS", 3);
        for (String offer : targets.keySet()) {
            List<Posted> mine = posted.stream().filter(p -> p.offer().equals(offer)).toList();
            Figures f = Figures.of(mine);
            String at = "products.find { it.offerCode == '" + offer + "' }.";
            assertEquals(targets.get(offer), e.getInt(at + "target"), offer);
            assertEquals(f.units, e.getInt(at + "sold"), offer);
            assertEquals(ratio(f.units, targets.get(offer)), decimal(e, at + "achievement"), offer);
            assertEquals(f.units >= targets.get(offer), e.getBoolean(at + "onTarget"), offer);
            assertEquals(f.leads, e.getInt(at + "leads"), offer);
            assertEquals(f.sales, e.getInt(at + "sales"), offer);
            assertEquals(f.prospects, e.getInt(at + "prospects"), offer);
            assertEquals(ratio(f.sales, f.prospects), decimal(e, at + "conversionRate"), offer);
        }
        for (String staff : List.of("s1", "s2", "s3", "s4")) {
            Figures f = Figures.of(posted.stream().filter(p -> p.staff().equals(staff)).toList());
            String at = "staff.find { it.staffId == '" + staff + "' }.";
            assertEquals(staff.equals("s1"), e.getBoolean(at + "siteLead"));
            assertEquals(f.leads, e.getInt(at + "leads"), staff);
            assertEquals(f.sales, e.getInt(at + "sales"), staff);
            assertEquals(f.units, e.getInt(at + "unitsSold"), staff);
            assertEquals(ratio(f.sales, f.prospects), decimal(e, at + "conversionRate"), staff);
        }
        Figures all = Figures.of(posted);
        assertEquals(53, e.getInt("totals.target"));
        assertEquals(all.units, e.getInt("totals.sold"));
        assertEquals(ratio(all.units, 53), decimal(e, "totals.achievement"));
        assertEquals(ratio(all.sales, all.prospects), decimal(e, "totals.conversionRate"));
        assertEquals(2, e.getInt("totals.productsOnTarget"));
        assertEquals(4, e.getInt("followUps.produced"));
        assertEquals(1, e.getInt("followUps.open"));
        assertEquals(2, e.getInt("followUps.accepted"));
        assertEquals(1, e.getInt("followUps.declined"));

        // each lead and sale is an outcome event of the campaign
        Events.awaitOn(Topics.MARKETING, branch, es -> es.stream()
                .filter(ev -> ev.data() instanceof OfferOutcomeRecorded o && "CAMPAIGN".equals(o.channel()) && id.equals(o.campaignId()))
                .count() == posted.size());

        // after its last day it is over: the evaluation says so, and nothing more can be recorded
        clock.advance(Duration.ofDays(2));
        given().when().get("/api/v1/campaigns/" + id + "/evaluation").then().body("status", equalTo("ENDED"));
        post("/api/v1/campaigns/" + id + "/sales", "{\"staffId\":\"s1\",\"offerCode\":\"M2M\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/campaign-not-running"));
    }

    @Test
    void a_campaign_against_the_manual_is_refused() {
        String branch = Scenario.branch();
        create(plan(branch, today(), today(), "\"s1\",\"s2\"", "s1")).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("staff"))
                .body("violations.message", hasItem(containsString("集团进驻营销人员不得低于3人")));
        create(plan(branch, today(), today(), "\"s1\",\"s2\",\"s3\"", "boss")).statusCode(400)
                .body("type", equalTo("https://hallwatch.io/problems/campaign-rules"))
                .body("violations.field", hasItem("leadStaffId"));
        create(plan(branch, today(), today().minusDays(1), "\"s1\",\"s2\",\"s3\"", "s1")).statusCode(400)
                .body("violations.field", hasItem("endsOn"));
        create(plan(branch, today(), today(), "\"s1\",\"s2\",\"s3\"", "s1").replace("\"M2M\"", "\"NO-SUCH\"")).statusCode(400)
                .body("type", equalTo("https://hallwatch.io/problems/unknown-offer"));
        create(plan(branch, today(), today(), "\"s1\",\"s2\",\"s3\"", "s1").replace("Staff canteen", "Call 13812345678")).statusCode(400)
                .body("violations.field", hasItem("site"));
        create(plan(branch, today(), today(), "\"s1\",\"s2\",\"s3\"", "s1").replace("\"surgePlan\"", "\"surge\"")).statusCode(400);
        create("{").statusCode(400).contentType("application/problem+json");
        given().queryParam("branchId", branch).when().get("/api/v1/campaigns").then().body("id", equalTo(List.of()));
    }

    @Test
    void a_planned_campaign_takes_no_results_yet_and_unknown_campaigns_are_not_found() {
        String id = create(plan(Scenario.branch(), today().plusDays(7), today().plusDays(8), "\"s1\",\"s2\",\"s3\"", "s2"))
                .statusCode(201).body("status", equalTo("PLANNED")).extract().jsonPath().getString("id");
        post("/api/v1/campaigns/" + id + "/leads", "{\"staffId\":\"s1\",\"offerCode\":\"M2M\"}").statusCode(409);
        given().when().get("/api/v1/campaigns/" + id + "/evaluation").then().statusCode(200)
                .body("status", equalTo("PLANNED")).body("totals.conversionRate", equalTo(null));
        given().when().get("/api/v1/campaigns/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://hallwatch.io/problems/campaign-not-found"));
        given().when().get("/api/v1/campaigns/not-a-uuid/evaluation").then().statusCode(404).contentType("application/problem+json");
    }

    /** The evaluation's figures, computed here the plain way. */
    record Figures(int leads, int sales, int units, int prospects) {
        static Figures of(List<Posted> records) {
            Set<String> leads = new HashSet<>();
            records.stream().filter(p -> p.kind().equals("LEAD")).forEach(p -> leads.add(p.id()));
            int sales = 0;
            int units = 0;
            int prospects = leads.size();
            for (Posted p : records) {
                if (p.kind().equals("SALE")) {
                    sales++;
                    units += p.quantity();
                    if (p.leadId() == null || !leads.contains(p.leadId())) {
                        prospects++;
                    }
                }
            }
            return new Figures(leads.size(), sales, units, prospects);
        }
    }

    static BigDecimal ratio(int a, int b) {
        return b == 0 ? null : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal decimal(JsonPath json, String path) {
        Object v = json.get(path);
        return v == null ? null : new BigDecimal(v.toString()).setScale(4, RoundingMode.HALF_UP);
    }

}
