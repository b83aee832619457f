package io.hallwatch.web.api.page;

import io.hallwatch.web.api.gateway.Problems;
import io.hallwatch.web.domain.signin.Screen;
import io.hallwatch.web.domain.signin.SignInForm;
import io.hallwatch.web.domain.signin.Viewer;
import io.hallwatch.web.metrics.WebMetrics;
import io.hallwatch.web.service.signin.TokenReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.regex.Pattern;

/** The one check before any screen is served: a signed-in person, in a role that owns the screen, for the branch. */
@ApplicationScoped
public class ScreenGate {
    private static final Pattern COUNTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private final TokenReader tokens;
    private final WebMetrics metrics;

    ScreenGate(TokenReader tokens, WebMetrics metrics) {
        this.tokens = tokens;
        this.metrics = metrics;
    }

    /** The screen's page, or the page that says why not; {@code branch} null for a screen of every branch of the sign-in. */
    public Response open(Screen screen, String branch, String counter, HttpHeaders headers, String path, String file) {
        if ((branch != null && !SignInForm.BRANCH.matcher(branch).matches()) || (counter != null && !COUNTER.matcher(counter).matches())) {
            return Pages.badAddress();
        }
        Optional<Viewer> viewer = tokens.viewer(headers);
        Screen.Access access = screen.access(viewer.orElse(null), branch);
        return switch (access) {
            case ALLOWED -> Pages.screen(file);
            case SIGN_IN -> Pages.signIn(path);
            case WRONG_ROLE, WRONG_BRANCH -> {
                metrics.refused(screen.name().toLowerCase());
                yield Pages.refused(screen, access);
            }
        };
    }

    /**
     * The same check for a screen's server push ({@code /<screen>/{branch}/events}): returns when the
     * person may follow the branch's feed, else throws the problem (400 bad branch id, 401, 403).
     */
    public void admitPush(Screen screen, String branch, HttpHeaders headers) {
        if (!SignInForm.BRANCH.matcher(branch).matches()) {
            throw new WebApplicationException(Problems.of(400, "invalid-parameter", "Bad branch id", "The branch id is not valid"));
        }
        switch (screen.access(tokens.viewer(headers).orElse(null), branch)) {
            case ALLOWED -> { }
            case SIGN_IN -> throw new WebApplicationException(Problems.unauthenticated());
            default -> throw new WebApplicationException(Problems.forbidden());
        }
    }
}
