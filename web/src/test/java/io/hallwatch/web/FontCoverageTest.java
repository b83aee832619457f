package io.hallwatch.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped Chinese font holds every character the screens and the services behind them write
 * (web/tools/font-subset.py lists the same sources): a screen that gains text the font lacks would
 * show empty boxes in a hall without Chinese system fonts.
 */
class FontCoverageTest {
    private static final Path ROOT = Path.of(System.getProperty("hallwatch.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SOURCES = List.of("web/src/main", "queue-service/src/main", "counter-service/src/main",
            "marketing-service/src/main");
    private static final Set<String> KINDS = Set.of("html", "js", "css", "java", "sql", "properties");

    @Test
    void the_shipped_font_holds_every_chinese_character_the_screens_show() throws IOException {
        Set<Integer> held = Files.readString(ROOT.resolve("web/tools/hallwatch-cjk.chars"), StandardCharsets.UTF_8)
                .codePoints().boxed().collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (String source : SOURCES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(source))) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> KINDS.contains(extension(f))).toList()) {
                    Files.readString(f, StandardCharsets.UTF_8).codePoints()
                            .filter(c -> (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF))
                            .filter(c -> !held.contains(c))
                            .forEach(c -> missing.add(Character.toString(c) + " (" + ROOT.relativize(f) + ")"));
                }
            }
        }
        assertEquals(Set.of(), missing, "characters the font lacks: run web/tools/font-subset.py (its docstring says how)");
    }

    private static String extension(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
