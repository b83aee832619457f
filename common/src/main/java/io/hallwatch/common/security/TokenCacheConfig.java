package io.hallwatch.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code hallwatch.security.token-cache}: see {@link VerifiedTokens}. */
@ConfigMapping(prefix = "hallwatch.security.token-cache")
public interface TokenCacheConfig {
    /**
     * Most tokens kept (a kiosk or terminal has one each; about 3 kB a token). 0 checks every
     * request's token in full.
     */
    @WithDefault("2048")
    int size();

    /** Longest a verification is reused, however long the token itself lives. */
    @WithDefault("5m")
    Duration maxAge();
}
