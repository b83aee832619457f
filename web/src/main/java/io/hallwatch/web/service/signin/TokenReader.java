package io.hallwatch.web.service.signin;

import io.hallwatch.web.config.WebConfig;
import io.hallwatch.web.domain.signin.Viewer;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads the sign-in cookie and verifies its token exactly as the services do (smallrye-jwt's parser
 * with {@code mp.jwt.verify.*}: signature, issuer, audience, expiry). A missing, expired or forged
 * token is no viewer: the page asks to sign in again.
 */
@ApplicationScoped
public class TokenReader {
    private final JWTParser parser;
    private final WebConfig config;

    TokenReader(JWTParser parser, WebConfig config) {
        this.parser = parser;
        this.config = config;
    }

    /** The raw token of the request's cookie, verified; empty when there is none or it does not verify. */
    public Optional<Verified> read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(config.cookie().name());
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(cookie.getValue());
            List<String> branches = claimList(jwt.getClaim("branches"));
            String subject = jwt.getSubject() == null ? jwt.getName() : jwt.getSubject();
            return Optional.of(new Verified(cookie.getValue(), new Viewer(subject, jwt.getGroups(), branches)));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    public Optional<Viewer> viewer(HttpHeaders headers) {
        return read(headers).map(Verified::viewer);
    }

    static List<String> claimList(Object claim) {
        List<String> ids = new ArrayList<>();
        if (claim instanceof Collection<?> items) {
            items.forEach(i -> ids.add(i instanceof JsonString s ? s.getString() : String.valueOf(i)));
        } else if (claim instanceof JsonString s) {
            ids.add(s.getString());
        } else if (claim != null) {
            ids.add(String.valueOf(claim));
        }
        return ids;
    }

    /** A token that verified, with what it says. */
    public record Verified(String token, Viewer viewer) {
    }
}
