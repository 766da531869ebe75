package cn.liaocheng.rdcoverage.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Types and units the generator cannot read from the Java classes (run by {@link ProblemOpenApiFilter}): the
 * eligibility {@code Criterion}, whose required and actual are a number, a boolean or a string, the nullable tiers and
 * reason of {@code ParticipantResult}, and the unit of every
 * money property (yuan, 元) and area property (m²) that does not describe itself.
 */
final class OpenApiSchemaTypes {
    private OpenApiSchemaTypes() {
    }

    /**
     * The eligibility package stays free of annotations, so its one untyped record is typed here: a criterion's
     * required and actual are a number, a boolean or a string in {@code unit}; JOINT amounts add total and sharedBy.
     */
    static void criterion(Map<String, Schema> schemas) {
        Schema criterion = schemas == null ? null : schemas.get("Criterion");
        if (criterion == null || criterion.getProperties() == null) {
            return;
        }
        criterion.setDescription("One evaluated criterion, met or not. In JOINT mode an amount (EQUIPMENT_VALUE, "
                + "RD_EXPENDITURE, FLOOR_AREA) is compared per participant: actual = total / sharedBy "
                + "(e.g. 600000 yuan of equipment shared by 2 participants = 300000 each, against required 300000).");
        criterion.addProperty("required", scalar(false, "the bound the fact is compared with, in unit"));
        criterion.addProperty("actual", scalar(true, "the fact compared with required, in unit; null when it is missing"));
        criterion.addProperty("unit", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL))
                .enumeration(java.util.Arrays.asList("yuan", "m2", "persons", "count", null))
                .description("unit of required and actual; null for yes/no and text criteria"));
        criterion.addProperty("total", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.NUMBER, Schema.SchemaType.NULL))
                .description("JOINT amounts: the participants' total, in unit, that actual shares out; else null"));
        criterion.addProperty("sharedBy", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.INTEGER, Schema.SchemaType.NULL)).format("int32")
                .description("JOINT amounts: how many participants share the total; else null"));
        Schema participant = criterion.getProperties().get("participant");
        if (participant != null) {
            participant.setType(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL));
            participant.setDescription("credit code for a per-participant criterion, null for an institution-wide one");
        }
    }

    /** Properties of the eligibility records (free of annotations) that are served as null, by schema. */
    private static final Map<String, List<String>> NULLABLE = Map.of(
            "ParticipantResult", List.of("standardTier", "subsidyTier", "subsidyReason"));

    /**
     * ParticipantResult: standardTier is null when no capacity threshold applies, subsidyTier when there is no award,
     * subsidyReason when there is one; each is declared as its type or null.
     */
    static void eligibilityNulls(Map<String, Schema> schemas) {
        NULLABLE.forEach((name, properties) -> {
            Schema schema = schemas == null ? null : schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            properties.forEach(p -> {
                Schema property = schema.getProperties().get(p);
                if (property != null && property.getRef() != null) {
                    schema.addProperty(p, OASFactory.createSchema().anyOf(List.of(
                            OASFactory.createSchema().ref(property.getRef()),
                            OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL)))));
                }
            });
        });
    }

    /**
     * A nullable reference with a description comes out of the generator as {@code type: object} beside
     * {@code anyOf: [$ref, null]}, and the type would refuse the null: such a type is given "null" too.
     */
    static void nullsKept(Map<String, Schema> schemas) {
        if (schemas == null) {
            return;
        }
        schemas.values().stream().filter(s -> s.getProperties() != null).forEach(s -> s.getProperties().values().forEach(p -> {
            boolean nullable = p.getAnyOf() != null && p.getAnyOf().stream()
                    .anyMatch(o -> o.getType() != null && o.getType().contains(Schema.SchemaType.NULL));
            if (nullable && p.getType() != null && !p.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new ArrayList<>(p.getType());
                types.add(Schema.SchemaType.NULL);
                p.setType(types);
            }
        }));
    }

    private static final Set<String> YUAN = Set.of("revenue", "amount", "subsidyAmount", "equipmentValue", "rdExpenditure",
            "aboveDesignatedSizeRevenue", "LARGE", "MEDIUM", "SMALL");

    /** Money is a decimal number of yuan (元), areas are m²: said on every such property. */
    static void units(Map<String, Schema> schemas) {
        if (schemas == null) {
            return;
        }
        schemas.values().forEach(schema -> {
            if (schema.getProperties() == null) {
                return;
            }
            schema.getProperties().forEach((name, p) -> {
                if (p.getDescription() != null || p.getType() == null || !p.getType().contains(Schema.SchemaType.NUMBER)) {
                    return;
                }
                if (YUAN.contains(name)) {
                    p.setDescription("yuan (元), a decimal number");
                } else if (name.equals("floorArea")) {
                    p.setDescription("square metres (m²)");
                }
            });
        });
    }

    private static Schema scalar(boolean nullable, String description) {
        List<Schema> options = new ArrayList<>(List.of(
                OASFactory.createSchema().type(List.of(Schema.SchemaType.NUMBER)),
                OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN)),
                OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        if (nullable) {
            options.add(OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL)));
        }
        return OASFactory.createSchema().oneOf(options).description(description);
    }
}
