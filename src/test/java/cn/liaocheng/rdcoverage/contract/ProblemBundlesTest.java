package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.common.ProblemTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13, "Problem messages in Chinese and English": the message bundles of each language hold the same keys, so
 * that no message a client can get falls back to the other language. ProblemMessages: the titles in both bundles, every
 * English key in the Chinese one, every pattern a valid MessageFormat, and every kind in the catalogue has a Chinese
 * detail (a generic {@code detail.<slug>}, patterns of its own {@code detail.<slug>.<case>}, or, for the kinds that
 * name fields, one made of its field errors). ValidationMessages: the service's own constraint messages in English (the
 * base bundle and {@code _en}) and in Chinese ({@code _zh}) alike.
 */
class ProblemBundlesTest {
    /** Kinds whose Chinese detail is made of their (Chinese) field errors (ProblemLanguage.chineseDetail). */
    private static final Set<String> DETAIL_FROM_ERRORS = Set.of("validation", "import-file");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> keys(Properties p, Predicate<String> which) {
        Set<String> out = new TreeSet<>();
        p.stringPropertyNames().stream().filter(which).forEach(out::add);
        return out;
    }

    private static boolean chinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * RFC 9457 3.1.3: the title summarises the problem type. Two kinds with different Chinese titles have different
     * English titles too (no generic "Conflict" for ten kinds a Chinese reader tells apart).
     */
    @Test
    void kindsThatDifferInChineseDifferInEnglish() throws IOException {
        Properties zh = load("ProblemMessages.properties");
        Properties en = load("ProblemMessages_en.properties");
        java.util.Map<String, String> zhByEnglish = new java.util.TreeMap<>();
        Set<String> clashes = new TreeSet<>();
        for (String key : keys(en, k -> k.startsWith("title."))) {
            String before = zhByEnglish.putIfAbsent(en.getProperty(key), zh.getProperty(key));
            if (before != null && !before.equals(zh.getProperty(key))) {
                clashes.add(en.getProperty(key) + " (" + before + " / " + zh.getProperty(key) + ")");
            }
        }
        assertEquals(Set.of(), clashes, "English titles shared by kinds with different Chinese titles");
    }

    @Test
    void problemMessagesHaveTheSameTitlesAndEveryEnglishKeyInChinese() throws IOException {
        Properties zh = load("ProblemMessages.properties");
        Properties en = load("ProblemMessages_en.properties");
        assertEquals(keys(zh, k -> k.startsWith("title.")), keys(en, k -> k.startsWith("title.")), "titles in one language only");
        Set<String> englishOnly = keys(en, k -> !zh.containsKey(k));
        assertEquals(Set.of(), englishOnly, "keys of ProblemMessages_en without a Chinese text");
        for (String key : zh.stringPropertyNames()) {
            String text = new MessageFormat(zh.getProperty(key)).format(new Object[]{"a", "b", "c", "d"});
            assertTrue(chinese(text), "not Chinese: " + key + "=" + text);
        }
        for (String key : en.stringPropertyNames()) {
            String text = new MessageFormat(en.getProperty(key)).format(new Object[]{"a", "b", "c", "d"});
            assertTrue(!chinese(text), "Chinese in the English bundle: " + key + "=" + text);
        }
    }

    @Test
    void everyKindOfProblemHasAChineseDetail() throws IOException {
        Properties zh = load("ProblemMessages.properties");
        List<String> without = ProblemTypes.ALL.stream().map(ProblemTypes.Type::slug)
                .filter(slug -> !DETAIL_FROM_ERRORS.contains(slug) && !zh.containsKey("detail." + slug)
                        && keys(zh, k -> k.startsWith("detail." + slug + ".")).isEmpty())
                .toList();
        assertEquals(List.of(), without, "kinds of problem whose detail would stay English under zh-CN (add detail.<slug>)");
    }

    @Test
    void validationMessagesHaveTheSameKeysInEveryLanguage() throws IOException {
        Set<String> base = keys(load("ValidationMessages.properties"), k -> true);
        Set<String> english = keys(load("ValidationMessages_en.properties"), k -> true);
        Properties zhBundle = load("ValidationMessages_zh.properties");
        Set<String> chineseOwn = keys(zhBundle, k -> k.startsWith("rd."));
        assertTrue(base.size() >= 5, "keys: " + base);
        assertEquals(base, english, "ValidationMessages and ValidationMessages_en");
        assertEquals(base, chineseOwn, "the service's own constraint messages in ValidationMessages and ValidationMessages_zh");
        for (String key : zhBundle.stringPropertyNames()) {
            assertTrue(chinese(zhBundle.getProperty(key)), "not Chinese: " + key);
        }
    }

    /** A key written twice in one bundle: the later line wins silently (a new message once hid an older one's text). */
    @Test
    void noBundleWritesAKeyTwice() throws IOException {
        for (String name : List.of("ProblemMessages.properties", "ProblemMessages_en.properties", "ValidationMessages.properties",
                "ValidationMessages_en.properties", "ValidationMessages_zh.properties", "ExportHeaders.properties")) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            try (InputStream in = ProblemBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
                assertTrue(in != null, name);
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#") || l.startsWith("!") || !l.contains("=")) {
                        continue;
                    }
                    String key = l.substring(0, l.indexOf('=')).strip();
                    if (!seen.add(key)) {
                        twice.add(key);
                    }
                }
            }
            assertEquals(Set.of(), twice, name + ": keys written twice");
        }
    }
}
