package cn.liaocheng.rdcoverage.policy;

import cn.liaocheng.rdcoverage.common.FieldCodes;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.eligibility.CertificationLevel;
import cn.liaocheng.rdcoverage.eligibility.PlatformKind;
import cn.liaocheng.rdcoverage.eligibility.PolicyBounds;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The checks of a policy document as sent (POST/PUT /api/v1/policies), made on the JSON tree before it becomes a
 * {@link cn.liaocheng.rdcoverage.eligibility.Policy}, so that every missing or invalid parameter is reported at once,
 * each by its path ({@code awards.SMALL}, {@code interpretations.industryCapacityRequired},
 * {@code references.standards}) with a code (REQUIRED, INVALID_TYPE, OUT_OF_RANGE, INVALID_VALUE, INVALID_FORMAT).
 * Java holds no default for any parameter: a document without one is refused. Every parameter carries, in
 * {@code references}, the clause of the policy text it comes from (docs/domain.md "Policy parameters").
 */
final class PolicyDocument {
    /** The parameters, each of which needs a value and a {@code references} entry. */
    static final List<String> PARAMETERS = List.of("sizeClassification", "aboveDesignatedSizeRevenue", "minCooperations",
            "standards", "awards", "interpretations.microTier", "interpretations.jointRequiresEveryParticipant",
            "interpretations.industryCapacityRequired", "interpretations.industryCooperationRequired",
            "interpretations.industryModeSubsidised", "interpretations.platformMinCertification");

    private static final String[] SIZE_BOUNDS = {"large", "medium", "small"};
    private static final String[] STANDARD_COUNTS = {"personnel", "projectCount"};
    private static final String[] STANDARD_AMOUNTS = {"equipmentValue", "rdExpenditure", "floorArea"};
    private static final String[] SWITCHES = {"jointRequiresEveryParticipant", "industryCapacityRequired",
            "industryCooperationRequired", "industryModeSubsidised"};

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private PolicyDocument() {
    }

    /** Every fault of the document, in document order; empty when it is a complete, valid policy. */
    static List<Problem.FieldError> check(JsonNode doc) {
        PolicyDocument d = new PolicyDocument();
        if (doc == null || !doc.isObject()) {
            d.error("body", "must be a JSON object: the policy document", FieldCodes.INVALID_TYPE);
            return d.errors;
        }
        d.metadata(doc);
        d.sizeClassification(doc);
        d.amount(doc, "aboveDesignatedSizeRevenue");
        d.count(doc, "minCooperations");
        d.standardsAndAwards(doc);
        d.interpretations(doc);
        d.references(doc);
        return d.errors;
    }

    private void sizeClassification(JsonNode doc) {
        JsonNode sizes = object(doc, "sizeClassification");
        for (String bound : SIZE_BOUNDS) {
            JsonNode b = object(sizes, "sizeClassification." + bound);
            count(b, "sizeClassification." + bound + ".employees");
            amount(b, "sizeClassification." + bound + ".revenue");
        }
    }

    /** Per tier its column of the construction standard, then its award. */
    private void standardsAndAwards(JsonNode doc) {
        JsonNode standards = object(doc, "standards");
        JsonNode awards = object(doc, "awards");
        for (Tier tier : Tier.values()) {
            JsonNode s = object(standards, "standards." + tier);
            for (String field : STANDARD_COUNTS) {
                count(s, "standards." + tier + "." + field);
            }
            for (String field : STANDARD_AMOUNTS) {
                amount(s, "standards." + tier + "." + field);
            }
            amount(awards, "awards." + tier);
        }
    }

    private void interpretations(JsonNode doc) {
        JsonNode in = object(doc, "interpretations");
        constant(in, "interpretations.microTier", Tier.class);
        for (String name : SWITCHES) {
            typed(in, "interpretations." + name, JsonNode::isBoolean, "true or false");
        }
        JsonNode platforms = object(in, "interpretations.platformMinCertification");
        for (PlatformKind kind : PlatformKind.values()) {
            constant(platforms, "interpretations.platformMinCertification." + kind, CertificationLevel.class);
        }
    }

    /** Each parameter's clause: a text of 1-500 characters (nothing more is said when references itself is missing). */
    private void references(JsonNode doc) {
        JsonNode references = object(doc, "references");
        for (String parameter : PARAMETERS) {
            JsonNode r = references == null ? null : references.get(parameter);
            if (references != null && (r == null || r.isNull() || !r.isTextual() || r.asText().isBlank())) {
                error("references." + parameter, "is required: the clause of the policy text this parameter comes from",
                        FieldCodes.REQUIRED);
            } else if (r != null && r.asText().length() > 500) {
                error("references." + parameter, "must be at most 500 characters", FieldCodes.TOO_LONG);
            }
        }
    }

    private void metadata(JsonNode doc) {
        JsonNode id = value(doc, "id");
        if (id != null && !(id.isTextual() && id.asText().matches("[a-z0-9][a-z0-9-]{1,39}"))) {
            error("id", "must be 2-40 lower-case letters, digits or dashes", FieldCodes.INVALID_FORMAT);
        }
        JsonNode from = value(doc, "effectiveFrom");
        if (from != null) {
            try {
                LocalDate.parse(from.asText());
            } catch (DateTimeParseException e) {
                error("effectiveFrom", "must be a date (yyyy-MM-dd)", FieldCodes.INVALID_DATE);
            }
        }
        JsonNode title = value(doc, "title");
        if (title != null && (!title.isTextual() || title.asText().isBlank() || title.asText().length() > 200)) {
            error("title", "must be a text of 1-200 characters", FieldCodes.INVALID);
        }
    }

    /** The member, or null after reporting it REQUIRED (nothing is reported under a parent already reported). */
    private JsonNode value(JsonNode parent, String path) {
        if (parent == null) {
            return null;
        }
        JsonNode v = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (v == null || v.isNull()) {
            error(path, "is required", FieldCodes.REQUIRED);
            return null;
        }
        return v;
    }

    /** The member if it is present and {@code isType} accepts it, else null after reporting it (as {@link #value}). */
    private JsonNode typed(JsonNode parent, String path, Predicate<JsonNode> isType, String mustBe) {
        JsonNode v = value(parent, path);
        if (v != null && !isType.test(v)) {
            error(path, "must be " + mustBe, FieldCodes.INVALID_TYPE);
            return null;
        }
        return v;
    }

    private JsonNode object(JsonNode parent, String path) {
        return typed(parent, path, JsonNode::isObject, "a JSON object");
    }

    /** People, projects, cooperations: a whole number within {@link PolicyBounds#countInRange}. */
    private void count(JsonNode parent, String path) {
        JsonNode v = typed(parent, path, JsonNode::isIntegralNumber, "a whole number");
        if (v != null && !PolicyBounds.countInRange(v.bigIntegerValue())) {
            error(path, "must be from 0 to " + PolicyBounds.MAX_COUNT, FieldCodes.OUT_OF_RANGE);
        }
    }

    /** Yuan or m²: 0 or more, within {@link PolicyBounds#amountDigitsInRange}. */
    private void amount(JsonNode parent, String path) {
        JsonNode v = typed(parent, path, JsonNode::isNumber, "a number");
        BigDecimal d = v == null ? null : v.decimalValue();
        if (d != null && (d.signum() < 0 || !PolicyBounds.amountDigitsInRange(d))) {
            error(path, "must be 0 or more, with at most " + PolicyBounds.AMOUNT_INTEGER_DIGITS + " digits before and "
                    + PolicyBounds.AMOUNT_FRACTION_DIGITS + " after the decimal point", FieldCodes.OUT_OF_RANGE);
        }
    }

    private <E extends Enum<E>> void constant(JsonNode parent, String path, Class<E> type) {
        JsonNode v = value(parent, path);
        if (v != null && Arrays.stream(type.getEnumConstants()).noneMatch(c -> c.name().equals(v.asText()))) {
            error(path, "must be one of " + Arrays.toString(type.getEnumConstants()), FieldCodes.INVALID_VALUE);
        }
    }

    private void error(String field, String message, String code) {
        errors.add(new Problem.FieldError(field, message, code));
    }
}
