package io.hallwatch.sla.client.alerting;

import io.hallwatch.sla.config.AlertingConfig;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;

/**
 * Once the HTTP server listens, warms the alert channels against this service's own liveness
 * endpoint. Without it the process's first page carried a quarter of a second of one-off work
 * (the default TLS context with its trust store, the HTTP client's classes and threads): benchmark 3
 * measured that first SMS at 390-500 ms after the deadline against about 150 ms for the others.
 */
@ApplicationScoped
class ChannelWarmUp {
    private static final Logger LOG = Logger.getLogger(ChannelWarmUp.class);

    private final Channels channels;
    private final AlertingConfig config;

    ChannelWarmUp(Channels channels, AlertingConfig config) {
        this.channels = channels;
        this.config = config;
    }

    void onHttpStart(@ObservesAsync HttpServerStart start) {
        int port = start.options().getPort();
        if (!config.enabled() || port <= 0) {
            return; // a random test port is not known here; nothing depends on the warm-up
        }
        long began = System.nanoTime();
        try {
            channels.warmUp(URI.create("http://127.0.0.1:" + port + "/q/health/live"));
            LOG.infof("Alert channels warmed in %d ms", (System.nanoTime() - began) / 1_000_000);
        } catch (IOException e) {
            LOG.debugf("Alert channel warm-up did not reach this service: %s", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
