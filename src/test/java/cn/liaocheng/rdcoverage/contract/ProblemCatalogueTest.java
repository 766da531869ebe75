package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.common.FieldCodes;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.ProblemLanguage;
import cn.liaocheng.rdcoverage.common.ProblemTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The problem catalogue is complete: every type raised in the code is listed, with a title in Chinese and English. */
class ProblemCatalogueTest {
    private static final Pattern RAISED = Pattern.compile(
            "(?:conflict|unprocessable)\\(\"([a-z0-9-]+)\"|new ApiException\\(\\d+, \"([a-z0-9-]+)\"|Problems\\.response\\(\\d+, \"([a-z0-9-]+)\"|Problems\\.type\\(\"([a-z0-9-]+)\"\\)");

    @Test
    void everyTypeRaisedInTheCodeIsInTheCatalogue() throws IOException {
        Set<String> listed = ProblemTypes.ALL.stream().map(ProblemTypes.Type::slug).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RAISED.matcher(Files.readString(f));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        // a slug ending in '-' is completed at run time (institution- + status): those are listed one by one
                        if (m.group(g) != null && !m.group(g).endsWith("-") && !listed.contains(m.group(g))) {
                            missing.add(m.group(g) + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "add these to common.ProblemTypes and both ProblemMessages bundles");
    }

    @Test
    void everyTypeHasAChineseAndAnEnglishTitle() {
        List<String> untitled = new ArrayList<>();
        for (ProblemTypes.Type t : ProblemTypes.ALL) {
            String zh = ProblemLanguage.title(t.slug(), Locale.SIMPLIFIED_CHINESE);
            String en = ProblemLanguage.title(t.slug(), Locale.ENGLISH);
            if (zh == null || zh.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                untitled.add(t.slug() + " zh");
            }
            if (en == null || en.isBlank()) {
                untitled.add(t.slug() + " en");
            }
        }
        assertEquals(List.of(), untitled);
    }

    @Test
    void fieldErrorsCarryACodeEvenWhenWrittenWithoutOne() {
        assertEquals(FieldCodes.REQUIRED, new Problem.FieldError("name", "is required").code());
        assertEquals(FieldCodes.OUT_OF_RANGE, new Problem.FieldError("size", "must be between 1 and 500").code());
        assertEquals(FieldCodes.NOT_SORTABLE, new Problem.FieldError("sort", "cannot sort by 'x'; sortable fields: name").code());
        assertEquals(FieldCodes.IN_FUTURE, new Problem.FieldError("year", "must not be in the future").code());
        assertEquals(FieldCodes.OUT_OF_RANGE, FieldCodes.ofConstraint("Max"));
        assertEquals(FieldCodes.REQUIRED, FieldCodes.ofConstraint("NotBlank"));
    }

    @Test
    void acceptLanguagePicksChineseOrEnglish() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, ProblemLanguage.of("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, ProblemLanguage.of("zh-TW"));
        assertEquals(Locale.ENGLISH, ProblemLanguage.of("en-GB,en;q=0.9"));
        assertEquals(Locale.ENGLISH, ProblemLanguage.of("fr-FR, en;q=0.5"));
    }
}
