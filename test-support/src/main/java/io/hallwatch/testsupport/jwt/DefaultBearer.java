package io.hallwatch.testsupport.jwt;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.time.Duration;
import java.time.Instant;

/**
 * Before every {@code @QuarkusTest} method: REST Assured requests without an Authorization header
 * get an all-access token, so the functional tests keep testing their function. Security tests
 * set their own header, or call {@code given().noFilters()} to send no token at all.
 */
public class DefaultBearer implements QuarkusTestBeforeEachCallback, Filter {
    private static final Duration REFRESH = Duration.ofMinutes(30);
    private static String bearer;
    private static Instant minted = Instant.EPOCH;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof DefaultBearer)) {
            RestAssured.filters(new DefaultBearer());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", token());
        }
        return ctx.next(request, response);
    }

    static synchronized String token() {
        if (bearer == null || Instant.now().isAfter(minted.plus(REFRESH))) {
            bearer = Tokens.allAccess().lifetime(REFRESH.multipliedBy(2)).bearer();
            minted = Instant.now();
        }
        return bearer;
    }
}
