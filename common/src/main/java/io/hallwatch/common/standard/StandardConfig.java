package io.hallwatch.common.standard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether this service follows the service standard's topic ({@link StandardReplica}). */
@ConfigMapping(prefix = "hallwatch.standard")
public interface StandardConfig {

    /**
     * Read {@code hallwatch.standard.v1} from the beginning at start and follow it. On in the services
     * that apply limits without owning them (queue, counter); off where nothing reads it.
     */
    @WithDefault("false")
    boolean follow();
}
