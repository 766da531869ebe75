package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Every JSON body is read strictly, by one mapper: limits on number length, nesting depth, string and name
 * length (Jackson's stream read constraints); a duplicate key, content after the document, a fraction in a whole
 * number field and a value of the wrong JSON type are refused; and every decimal is bounded in magnitude and scale
 * while it is read, before any arithmetic or any conversion to text can run away with it ({@code 1e999999999}).
 * Each of these is a 400 problem naming the field or the limit ({@link ProblemMappers}). The importer's JSON and
 * NDJSON reader uses {@link #configure} too.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /** The limits of the JSON text itself, checked while it is read (a 400 names the one exceeded). */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNumberLength(100) // digits of a number literal; no field of this API needs more than 30
            .maxNestingDepth(32) // objects and arrays inside each other; the deepest body (a policy) needs 4
            .maxStringLength(1_000_000) // characters of one string; bodies are at most 1 MB, import cells far less
            .maxNameLength(200) // characters of one property name
            .build();
    /** Digits before the decimal point of any decimal in any body (a quadrillion yuan is 16). */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** Digits after the decimal point of any decimal in any body. */
    public static final int MAX_FRACTION_DIGITS = 6;

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY + 1;
    }

    /** Applies the limits and strictness to {@code mapper} and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        JsonFactory factory = mapper.getFactory();
        factory.setStreamReadConstraints(LIMITS);
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // A JSON string, boolean or number where another of these is expected is the wrong type, not a value to guess.
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new BoundedDecimal())
                .addDeserializer(String.class, new TextOnly()));
        return mapper;
    }

    /** Whether a decimal has at most {@link #MAX_INTEGER_DIGITS} digits before and {@link #MAX_FRACTION_DIGITS} after the point. */
    public static boolean inRange(BigDecimal d) {
        int integerDigits = d.precision() - d.scale();
        return integerDigits <= MAX_INTEGER_DIGITS && d.scale() <= MAX_FRACTION_DIGITS;
    }

    /** Jackson's BigDecimal reader, then the magnitude and scale check; a failure names the field (a mapping error). */
    static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                if (p.hasToken(JsonToken.VALUE_STRING) || p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                    return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
                }
                return super.deserialize(p, ctxt);
            }
            BigDecimal value = p.getDecimalValue();
            if (!inRange(value)) {
                throw new OutOfRange(p, value);
            }
            return value;
        }
    }

    /**
     * The first character of {@code s} that is not text, as "U+XXXX" (null when all are): a control character other
     * than tab, line feed and carriage return (U+0000 ends a C string and no xlsx cell may hold one), or half of a
     * surrogate pair without its other half (a JSON {@code "\\ud800"}; the database would store it as "?").
     */
    public static String notText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r'
                    : Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(++i)))) {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }

    /** {@link #notText} as the field message both the API and the import give (null when {@code s} is null or text). */
    public static FieldMessage notTextProblem(String s) {
        String bad = s == null ? null : notText(s);
        return bad == null ? null : FieldMessage.of("contains " + bad + ", which is not text (a control character or half of"
                + " a surrogate pair)", "field.INVALID_FORMAT.not-text", bad);
    }

    /** Jackson's String reader, then {@link #notText}: a string that is not text is a 400 naming the field. */
    static final class TextOnly extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            String bad = s == null ? null : notText(s);
            if (bad != null) {
                throw new NotText(p, s, bad);
            }
            return s;
        }
    }

    /** A string holding a character that is not text ({@link #notText}): a 400 naming the field and the character. */
    public static final class NotText extends InvalidFormatException {
        NotText(JsonParser p, String value, String character) {
            super(p, "contains " + character + ", which is not text", value, String.class);
        }
    }

    /** A decimal beyond {@link #inRange}: a 400 naming the field and the limit. */
    public static final class OutOfRange extends InvalidFormatException {
        OutOfRange(JsonParser p, BigDecimal value) {
            super(p, "is out of range", value, BigDecimal.class);
        }

        public String limit() {
            return "is out of range: at most " + MAX_INTEGER_DIGITS + " digits before and " + MAX_FRACTION_DIGITS
                    + " after the decimal point";
        }
    }
}
