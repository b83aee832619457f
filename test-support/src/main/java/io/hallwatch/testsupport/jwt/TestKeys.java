package io.hallwatch.testsupport.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair of a test JVM: generated once, written as PEM files to a temp folder that the
 * services read ({@code mp.jwt.verify.publickey.location}, and the signing key of a service that
 * mints its own token). The folder is remembered in a system property, so every class loader of
 * the JVM (Quarkus tests use several) sees the same pair.
 */
public final class TestKeys {
    static final String DIR_PROPERTY = "hallwatch.test.jwt.dir";
    public static final String PUBLIC_PEM = "jwt-public.pem";
    public static final String PRIVATE_PEM = "jwt-private.pem";

    private static KeyPair pair;
    private static Path dir;

    private TestKeys() {
    }

    public static synchronized Path publicKeyFile() {
        return load().resolve(PUBLIC_PEM);
    }

    public static synchronized Path privateKeyFile() {
        return load().resolve(PRIVATE_PEM);
    }

    public static synchronized KeyPair pair() {
        load();
        return pair;
    }

    /** Another pair, for tokens whose signature the services must refuse. */
    public static KeyPair stranger() {
        return generate();
    }

    private static Path load() {
        if (pair != null) {
            return dir;
        }
        try {
            String existing = System.getProperty(DIR_PROPERTY);
            if (existing != null && Files.isRegularFile(Path.of(existing, PRIVATE_PEM))) {
                dir = Path.of(existing);
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                pair = new KeyPair(
                        rsa.generatePublic(new X509EncodedKeySpec(der(dir.resolve(PUBLIC_PEM)))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(der(dir.resolve(PRIVATE_PEM)))));
                return dir;
            }
            pair = generate();
            dir = Files.createTempDirectory("hallwatch-jwt-");
            dir.toFile().deleteOnExit();
            write(dir.resolve(PUBLIC_PEM), "PUBLIC KEY", pair.getPublic().getEncoded());
            write(dir.resolve(PRIVATE_PEM), "PRIVATE KEY", pair.getPrivate().getEncoded());
            System.setProperty(DIR_PROPERTY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey publicKey() {
        return pair().getPublic();
    }

    public static PrivateKey privateKey() {
        return pair().getPrivate();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem);
        file.toFile().deleteOnExit();
    }

    private static byte[] der(Path pem) throws IOException {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
