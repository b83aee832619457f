package io.hallwatch.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Over-long URLs and over-large headers as problem+json (414 {@code uri-too-long}, 431
 * {@code headers-too-large}) instead of the bare, empty 414/431 the HTTP codec sends.
 * <p>
 * Why two limits: Quarkus 3.31 gives no hook into what Vert.x answers when its codec refuses a
 * request (the server's {@code invalidRequestHandler} is not exposed), so the codec's limits are
 * raised to a bounded ceiling ({@link #CODEC_CEILING}, memory per connection stays small) and
 * the real limits ({@link RequestLimitsConfig}) are checked here, first on every route, before
 * any body is read. Only a request beyond the ceiling still gets the codec's bare answer.
 */
@Singleton
public class OversizedRequests implements HttpServerOptionsCustomizer {
    /** The HTTP codec's request-line and header-block ceiling, well above the real limits. */
    static final int CODEC_CEILING = 64 * 1024;

    private final RequestLimitsConfig limits;
    private final ObjectMapper json;

    OversizedRequests(RequestLimitsConfig limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        raiseCodecLimits(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        raiseCodecLimits(options);
    }

    private void raiseCodecLimits(HttpServerOptions options) {
        // The request line is "METHOD uri HTTP/1.1": room for the longest method and version.
        options.setMaxInitialLineLength(Math.max(CODEC_CEILING, 2 * limits.maxUriLength()));
        options.setMaxHeaderSize(Math.max(CODEC_CEILING, 2 * limits.maxHeaderSize()));
        // HTTP/2 (also h2c, which Java's HttpClient asks for by default) counts the path among the
        // headers, against the header list limit Quarkus sets (its 20 KB max-header-size): a 30 KB URL got a bare 431.
        Http2Settings http2 = options.getInitialSettings();
        if (http2 == null) {
            http2 = new Http2Settings();
            options.setInitialSettings(http2);
        }
        http2.setMaxHeaderListSize(Math.max(CODEC_CEILING, 2L * (limits.maxUriLength() + limits.maxHeaderSize())));
    }

    void refuseOversized(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext context) {
        if (context.request().uri().length() > limits.maxUriLength()) {
            refuse(context, Problem.of("uri-too-long", "URI too long", 414,
                    "The request URI is longer than " + limits.maxUriLength()
                            + " characters; send long values in the request body"));
        } else if (headerBytes(context.request().headers()) > limits.maxHeaderSize()) {
            refuse(context, Problem.of("headers-too-large", "Request headers too large", 431,
                    "The request headers are larger than " + limits.maxHeaderSize() + " bytes"));
        } else {
            context.next();
        }
    }

    /** As on the wire: "name: value" and CRLF per header. */
    static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private void refuse(RoutingContext context, Problem problem) {
        // No instance: the path is the oversized input, and nothing of it is echoed.
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        // Close: an unread request body of unknown size must not be parsed as the next request.
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
