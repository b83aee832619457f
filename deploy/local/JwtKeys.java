import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local platform's token keys and tokens, with the JDK alone. Run by ./hallwatch as a
 * single-file program:
 *   java deploy/local/JwtKeys.java keys  <dir>                    RSA pair in <dir> unless there already
 *   java deploy/local/JwtKeys.java token <dir> <role> [branch...]  an RS256 token, valid one hour;
 *                                                                  no branch means every branch ("*");
 *                                                                  several roles comma-separated (a test rig)
 * The services verify issuer https://hallwatch.local/auth and audience hallwatch (their config).
 */
public class JwtKeys {
    static final String ISSUER = "https://hallwatch.local/auth";
    static final String AUDIENCE = "hallwatch";
    static final List<String> ROLES = List.of("kiosk", "clerk", "duty-manager", "manager", "admin", "online-hall", "service");

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keys")) {
            keys(Path.of(args[1]));
        } else if (args.length >= 3 && args[0].equals("token")) {
            for (String role : args[2].split(",")) {
                if (!ROLES.contains(role)) {
                    System.err.println("unknown role '" + role + "': one of " + ROLES);
                    System.exit(2);
                }
            }
            List<String> branches = args.length > 3 ? Arrays.asList(args).subList(3, args.length) : List.of("*");
            System.out.println(token(Path.of(args[1]), args[2], branches));
        } else {
            System.err.println("usage: JwtKeys keys <dir> | JwtKeys token <dir> <role> [branch...]");
            System.exit(2);
        }
    }

    static void keys(Path dir) throws Exception {
        Path publicPem = dir.resolve("jwt-public.pem");
        Path privatePem = dir.resolve("jwt-private.pem");
        if (Files.isRegularFile(publicPem) && Files.isRegularFile(privatePem)) {
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: left as created
        }
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    static String token(Path dir, String role, List<String> branches) throws Exception {
        String body = Files.readString(dir.resolve("jwt-private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        Instant now = Instant.now();
        String subject = "cli-" + role.replace(',', '-');
        String claims = "{\"iss\":" + q(ISSUER) + ",\"aud\":" + q(AUDIENCE) + ",\"sub\":" + q(subject) + ",\"upn\":" + q(subject)
                + ",\"jti\":" + q(UUID.randomUUID().toString()) + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(Duration.ofHours(1)).getEpochSecond() + ",\"groups\":" + Arrays.stream(role.split(",")).map(JwtKeys::q).collect(Collectors.joining(",", "[", "]"))
                + ",\"branches\":" + branches.stream().map(JwtKeys::q).collect(Collectors.joining(",", "[", "]")) + "}";
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(rs256.sign());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
