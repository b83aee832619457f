package io.hallwatch.common.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The largest request the services answer. Larger requests get a 414 or 431 problem from
 * {@link OversizedRequests}; the HTTP codec's own, higher ceiling only guards memory.
 */
@ConfigMapping(prefix = "hallwatch.http")
public interface RequestLimitsConfig {

    /** Characters in the request URI (path and query, as sent); longer is 414 {@code uri-too-long}. */
    @WithDefault("4096")
    int maxUriLength();

    /** Bytes in the header block (names and values); larger is 431 {@code headers-too-large}. */
    @WithDefault("20480")
    int maxHeaderSize();
}
