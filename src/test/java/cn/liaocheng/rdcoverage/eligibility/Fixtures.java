package cn.liaocheng.rdcoverage.eligibility;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Shared test data: the liaocheng-2020 policy as the service loads it, and the DESIGN example's facts. */
final class Fixtures {

    static final String POLICY_RESOURCE = "/db/policies/liaocheng-2020-referenced.json";

    /** Valid GB 32100-2015 credit codes, so the cases can be replayed against the HTTP API as they are. */
    static final String A = "91371500MA3C00001J";
    static final String B = "91371500MA3C00002M";

    /** The evaluation date of the DESIGN example. */
    static final LocalDate AS_OF = LocalDate.parse("2021-06-30");

    /** JSON as the service reads and writes it: ISO dates, default Jackson otherwise. */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** YAML for the scenario files; decimals stay exact. */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Policy POLICY = load();

    private Fixtures() {
    }

    /** The policy liaocheng-2020, read with Jackson from the very file the service seeds its database from. */
    static Policy policy() {
        return POLICY;
    }

    static JsonNode policyJson() {
        try (InputStream in = resource(POLICY_RESOURCE)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Policy load() {
        try (InputStream in = resource(POLICY_RESOURCE)) {
            return JSON.readValue(in, Policy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** liaocheng-2020 with some parameters replaced: {@code override} is merged into the JSON document. */
    static Policy policyWith(JsonNode override) {
        if (override == null || override.isNull() || override.isEmpty()) {
            return POLICY;
        }
        ObjectNode document = (ObjectNode) policyJson();
        merge(document, override);
        try {
            return JSON.treeToValue(document, Policy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode target, JsonNode override) {
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    static InputStream resource(String name) {
        InputStream in = Fixtures.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }

    static BigDecimal yuan(long value) {
        return BigDecimal.valueOf(value);
    }

    /** The DESIGN example's enterprise: 350 employees, revenue 52,000,000 (MEDIUM, above designated size). */
    static Participant designParticipant() {
        return new Participant(A, 350, yuan(52_000_000), null, false);
    }

    /** The DESIGN example's capacity {6, 600000, 520000, 60, 3, true, true}. */
    static Capacity designCapacity() {
        return new Capacity(6, yuan(600_000), yuan(520_000), yuan(60), 3, true, true);
    }

    /** The DESIGN example's cooperation: a university, signed 2020-09-01, open-ended, with activities. */
    static Cooperation designCooperation() {
        return new Cooperation("聊城大学", PartnerKind.UNIVERSITY, LocalDate.parse("2020-09-01"), null,
                "联合开展新材料中试与工艺改进");
    }

    static Facts single(Participant participant, Capacity capacity) {
        return new Facts(BuildMode.SINGLE, List.of(participant), capacity, List.of(designCooperation()), null, null);
    }

    /** Capacity that meets every column of liaocheng-2020 (the LARGE column, which is the highest). */
    static Capacity largeCapacity() {
        return new Capacity(10, yuan(1_000_000), yuan(2_000_000), yuan(100), 5, true, true);
    }

    static Criterion criterion(Result result, CriterionCode code) {
        Criterion found = null;
        for (Criterion c : result.criteria()) {
            if (c.code() == code) {
                if (found != null) {
                    throw new AssertionError("more than one " + code + " in " + result.criteria());
                }
                found = c;
            }
        }
        if (found == null) {
            throw new AssertionError("no " + code + " in " + result.criteria());
        }
        return found;
    }

    /** Unmet criteria as "CODE" (institution-wide) or "CODE/creditCode" (against a participant's column). */
    static List<String> unmetCodes(Result result) {
        List<String> codes = new ArrayList<>();
        for (Criterion c : result.unmet()) {
            codes.add(c.participant() == null ? c.code().name() : c.code() + "/" + c.participant());
        }
        return codes;
    }

    /** Space-separated list from a CSV cell; blank or null = empty. */
    static List<String> words(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return List.of(cell.trim().split("\\s+"));
    }

    /** Numbers compare by value (100000 equals 100000.00); everything else by equals. */
    static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number && actual instanceof Number) {
            return new BigDecimal(expected.toString()).compareTo(new BigDecimal(actual.toString())) == 0;
        }
        return expected == null ? actual == null : expected.equals(actual);
    }
}
