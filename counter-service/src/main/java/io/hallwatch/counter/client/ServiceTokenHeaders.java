package io.hallwatch.counter.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Puts the counter-service's own token on every call to the queue-service, never a caller's. */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {
    private final ServiceToken token;

    ServiceTokenHeaders(ServiceToken token) {
        this.token = token;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", token.bearer());
        return headers;
    }
}
