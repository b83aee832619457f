package io.hallwatch.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Everything the web module is told ({@code hallwatch.web.*}). */
@ConfigMapping(prefix = "hallwatch.web")
public interface WebConfig {

    Services services();

    DevSignIn devSignIn();

    Cookie cookie();

    Display display();

    /** Where the four services answer; the gateway forwards to them. */
    interface Services {
        @WithDefault("http://127.0.0.1:8081")
        String queue();

        @WithDefault("http://127.0.0.1:8082")
        String counter();

        @WithDefault("http://127.0.0.1:8083")
        String sla();

        @WithDefault("http://127.0.0.1:8084")
        String marketing();

        @WithDefault("1s")
        Duration connectTimeout();

        @WithDefault("5s")
        Duration requestTimeout();

        /** Seconds in the Retry-After of the 503 answered for a service out of reach. */
        @WithDefault("5")
        int retryAfter();
    }

    /** The development sign-in: a token minted with this instance's private key. Never for production. */
    interface DevSignIn {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("8h")
        Duration tokenLifetime();
    }

    interface Cookie {
        @WithDefault("hallwatch-token")
        String name();

        /** Adds {@code Secure}: on wherever the screens are served over HTTPS. */
        @WithDefault("false")
        boolean secure();
    }

    interface Display {
        /** Calls shown besides the current one. */
        @WithDefault("6")
        int recentCalls();
    }
}
