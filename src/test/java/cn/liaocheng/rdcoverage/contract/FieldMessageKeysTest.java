package cn.liaocheng.rdcoverage.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Chinese field message a raiser names ({@code FieldMessage.of(..., "field.<CODE>.<case>", ...)} or
 * {@code .zh("field....")}) has its pattern in ProblemMessages.properties, and every pattern there is a valid
 * MessageFormat; otherwise a zh-CN client would silently get the code's generic sentence.
 */
class FieldMessageKeysTest {
    private static final Pattern KEY = Pattern.compile("\"(field\\.[A-Za-z_]+\\.[a-z-]+)\"");
    /** The keys JsonProblemMappers builds from a field's Java type ({@code "field.invalid." + kind(...)}). */
    private static final List<String> KINDS = List.of("enum", "date", "integer", "number", "boolean", "string", "other", "array", "object");

    @Test
    void everyKeyRaisedHasAChinesePattern() throws IOException {
        Properties zh = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ProblemMessages.properties")) {
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String kind : KINDS) {
            used.add("field.invalid." + kind);
            used.add("field.INVALID_TYPE." + kind);
        }
        assertTrue(used.size() > 80, "keys found: " + used.size());
        Set<String> missing = new TreeSet<>(used);
        missing.removeIf(zh::containsKey);
        assertEquals(Set.of(), missing, "field message keys without a Chinese pattern in ProblemMessages.properties");
        for (String key : zh.stringPropertyNames()) {
            if (key.startsWith("field.")) {
                String text = new MessageFormat(zh.getProperty(key)).format(new Object[]{"a", "b", "c", "d"});
                assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), key + ": " + text);
            }
        }
    }
}
