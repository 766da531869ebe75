package cn.liaocheng.rdcoverage.review.material;

import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which material kinds the policy expects per build mode: dated policy data
 * ({@code db/policies/liaocheng-2020-materials.json}), the document in force on the day of submission applies.
 * Read when the bean is first used, not on the start-up path (issue #14).
 */
@ApplicationScoped
public class RequiredMaterials {
    static final List<String> DOCUMENTS = List.of("db/policies/liaocheng-2020-materials.json");

    @Inject ObjectMapper json;

    /** One dated document: its id, the day it takes effect, its title and basis (policy text), the kinds per mode. */
    public record Version(String policyId, LocalDate effectiveFrom, String title, String basis,
                          Map<BuildMode, List<MaterialKind>> required) {
    }

    private final List<Version> versions = new ArrayList<>();

    @PostConstruct
    void load() {
        for (String name : DOCUMENTS) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("policy document " + name + " is missing");
                }
                JsonNode doc = json.readTree(in);
                Map<BuildMode, List<MaterialKind>> required = new EnumMap<>(BuildMode.class);
                for (BuildMode mode : BuildMode.values()) {
                    List<MaterialKind> kinds = new ArrayList<>();
                    doc.path("requiredMaterials").path(mode.name()).forEach(k -> kinds.add(MaterialKind.valueOf(k.asText())));
                    required.put(mode, List.copyOf(kinds));
                }
                versions.add(new Version(doc.path("policyId").asText(), LocalDate.parse(doc.path("effectiveFrom").asText()),
                        doc.path("title").asText(null), doc.path("basis").asText(null), required));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        versions.sort(Comparator.comparing(Version::effectiveFrom).reversed());
    }

    /** The kinds required for {@code mode} by the document in force on {@code date} (none before the first). */
    public List<MaterialKind> forMode(BuildMode mode, LocalDate date) {
        Version v = inForce(date);
        return v == null ? List.of() : v.required().getOrDefault(mode, List.of());
    }

    /** The document in force on {@code date}, or null before the first one took effect. */
    public Version inForce(LocalDate date) {
        for (Version v : versions) {
            if (!v.effectiveFrom().isAfter(date)) {
                return v;
            }
        }
        return null;
    }
}
