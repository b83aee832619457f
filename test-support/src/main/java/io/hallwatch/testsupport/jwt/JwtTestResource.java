package io.hallwatch.testsupport.jwt;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives the app under test the test JVM's key pair: the public key to verify tokens with, and the
 * private key for a service that signs its own service token. Declare it GLOBAL next to the
 * PostgreSQL and Kafka resources. REST Assured requests then carry an all-access token unless a
 * test sets its own Authorization header ({@link DefaultBearer}).
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toUri().toString(),
                "smallrye.jwt.sign.key.location", TestKeys.privateKeyFile().toUri().toString());
    }

    @Override
    public void stop() {
        // The keys live as long as the JVM: other apps of the same run use them too.
    }
}
