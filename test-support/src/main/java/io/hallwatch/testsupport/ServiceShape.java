package io.hallwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one shape every service has (docs/architecture.md), checked on its sources so that a class
 * in the wrong place fails the build rather than a reader's patience.
 *
 * <ul>
 *   <li>top-level packages under {@code io.hallwatch.<service>} only from {@link #ROLES};</li>
 *   <li>{@code domain} imports no framework: no Jakarta, Quarkus, Hibernate, Kafka, Micrometer,
 *       SmallRye, Jackson, and nothing of {@code io.hallwatch.common} but the plain-Java parts;</li>
 *   <li>SQL only in {@code store}: no {@code Db}, {@code EntityManager}, native query or JDBC type
 *       anywhere else;</li>
 *   <li>no {@code Object[]} rows read from a query anywhere.</li>
 * </ul>
 */
public final class ServiceShape {

    /** The roles a reader knows, the same in every service. */
    public static final Set<String> ROLES = Set.of(
            "api", "service", "domain", "store", "client", "events", "config", "health", "metrics");

    private static final Pattern FRAMEWORK_IMPORT = Pattern.compile(
            "^import (static )?(jakarta\\.|javax\\.|io\\.quarkus\\.|org\\.hibernate\\.|org\\.apache\\.kafka\\."
                    + "|io\\.micrometer\\.|io\\.prometheus\\.|io\\.smallrye\\.|org\\.eclipse\\.microprofile\\."
                    + "|com\\.fasterxml\\.|io\\.agroal\\.|java\\.sql\\."
                    + "|io\\.hallwatch\\.common\\.(db|outbox|consumer|journal|kafka|security|metrics|problem)\\.)",
            Pattern.MULTILINE);

    private static final Pattern SQL_ACCESS = Pattern.compile(
            "^import (static )?(io\\.hallwatch\\.common\\.db\\.|jakarta\\.persistence\\.EntityManager|java\\.sql\\."
                    + "|io\\.quarkus\\.hibernate\\.orm\\.panache\\.)"
                    + "|createNativeQuery|\\bEntityManager\\b",
            Pattern.MULTILINE);

    private static final Pattern OBJECT_ROWS = Pattern.compile("Object\\[\\]\\s*\\)?\\s*\\w*\\s*[=:]?.*(getResultList|getSingleResult|createNativeQuery)"
            + "|List<Object\\[\\]>|\\(Object\\[\\]\\)");

    private ServiceShape() {
    }

    /**
     * Fails with every violation found under {@code <module>/src/main/java/io/hallwatch/<service>}.
     * Run from the module's directory (Maven's working directory for its tests).
     */
    public static void assertShape(String service) {
        Path root = Path.of("src/main/java/io/hallwatch", service);
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(root)) {
            Path relative = root.relativize(file);
            String top = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
            String source = read(file);
            String where = "io.hallwatch." + service + "." + relative.toString().replace('/', '.').replaceAll("\\.java$", "");
            if (!ROLES.contains(top)) {
                violations.add(where + ": top-level package '" + top + "' is not one of " + ROLES);
            }
            if (top.equals("domain") && FRAMEWORK_IMPORT.matcher(source).find()) {
                violations.add(where + ": domain imports a framework type ("
                        + firstMatch(FRAMEWORK_IMPORT, source) + ")");
            }
            if (!top.equals("store") && SQL_ACCESS.matcher(source).find()) {
                violations.add(where + ": SQL outside store (" + firstMatch(SQL_ACCESS, source) + ")");
            }
            if (OBJECT_ROWS.matcher(source).find()) {
                violations.add(where + ": reads rows as Object[]");
            }
        }
        assertEquals(List.of(), violations, "the service's shape (docs/architecture.md)");
    }

    private static String firstMatch(Pattern pattern, String source) {
        var m = pattern.matcher(source);
        return m.find() ? m.group().trim() : "";
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            throw new AssertionError("no sources at " + root.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
