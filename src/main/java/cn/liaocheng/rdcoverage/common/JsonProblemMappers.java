package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 400 answers to a JSON body that cannot be read (validation problems, RFC 9457), each naming the field as a
 * dotted JSON path ({@code participants[0].creditCode}, {@code body} for the whole document) with a code of
 * {@link FieldCodes} and a Chinese message ({@code field.*} keys of ProblemMessages): an unknown property, a value of
 * the wrong type or format, a duplicate key, a limit of {@link StrictJson}, a number out of range, malformed JSON.
 * English messages never show a Java class name. {@link ProblemMappers} maps every other failure (and passes on
 * the JSON failures the server wraps into a 400).
 */
public class JsonProblemMappers {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = jsonPath(e);
        return Problems.validation(List.of(new Problem.FieldError(field,
                "is not a field of this resource, or is read-only and cannot be set", FieldCodes.UNKNOWN_FIELD)
                .zh("field.UNKNOWN_FIELD.property", e.getPropertyName())));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        if (e.getTargetType() == String.class && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Cannot coerce")) {
            return mismatchedInput(e); // a JSON number or boolean where a string is expected: the wrong type, as elsewhere
        }
        if (e instanceof StrictJson.OutOfRange range) {
            return Problems.validation(List.of(new Problem.FieldError(orBody(jsonPath(e)), range.limit())
                    .zh("field.OUT_OF_RANGE.decimal", StrictJson.MAX_INTEGER_DIGITS, StrictJson.MAX_FRACTION_DIGITS)));
        }
        if (e instanceof StrictJson.NotText text) {
            return Problems.validation(List.of(new Problem.FieldError(orBody(jsonPath(e)),
                    StrictJson.notTextProblem((String) text.getValue()))));
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return Problems.validation(List.of(new Problem.FieldError(orBody(jsonPath(e)),
                "'" + e.getValue() + "' is not a valid " + expected)
                .zh("field.invalid." + kind(e.getTargetType()), e.getValue(), allowed(e.getTargetType()))));
    }

    /** A JSON value of the wrong type ({@code "revenue": false}), or a whole number field given a fraction. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = orBody(jsonPath(e));
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            // FAIL_ON_TRAILING_TOKENS: a second value after the body ({"a":1}{"a":2}, {"a":1} x)
            return Problems.validation(List.of(new Problem.FieldError("body",
                    "has content after the end of the JSON document (one JSON value per body)", FieldCodes.MALFORMED_JSON)
                    .zh("field.MALFORMED_JSON.trailing")));
        }
        if (e.getTargetType() != null && e.getTargetType() != Object.class) {
            boolean fraction = e.getMessage() != null && e.getMessage().startsWith("Cannot coerce Floating-point");
            return Problems.validation(List.of(new Problem.FieldError(field, "must be a " + describe(e.getTargetType())
                    + (fraction ? " without a fraction" : "") + " (the JSON value has the wrong type)")
                    .zh(fraction ? "field.INVALID_TYPE.fraction" : "field.INVALID_TYPE." + kind(e.getTargetType()),
                            allowed(e.getTargetType()))));
        }
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        String field = jsonPath(e);
        if (e.getCause() instanceof JsonProcessingException read && !(read instanceof JsonMappingException)) {
            return streamRead(read, field);
        }
        return Problems.validation(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field,
                "has the wrong type or shape: " + e.getOriginalMessage().split("\n")[0].replaceAll(" \\(class [^)]*\\)", ""),
                FieldCodes.INVALID_TYPE).zh("field.INVALID_TYPE.shape", e.getOriginalMessage().split("\n")[0]
                .replaceAll(" \\(class [^)]*\\)", ""))));
    }

    /** The JSON reader's failure as wrapped by the server (a 400 WebApplicationException): the mapper of its own kind. */
    Response anyJson(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f) {
            return invalidFormat(f);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownProperty(u);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m);
        }
        if (e instanceof JsonMappingException m) {
            return jsonMapping(m);
        }
        return streamRead(e, "");
    }

    @ServerExceptionMapper
    public Response jsonParse(StreamReadException e) {
        return streamRead(e, "");
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException)) {
            return streamRead(e, "");
        }
        return Problems.validation(List.of(new Problem.FieldError("body", "could not be read as JSON").zh("field.MALFORMED_JSON.unread")));
    }

    /**
     * A fault of the JSON text itself: a duplicate key, a limit of {@link StrictJson} (number length, nesting, string
     * length), a number out of the range of its field, or malformed JSON; named by where the reader was.
     */
    private static Response streamRead(JsonProcessingException e, String known) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
        Matcher dup = DUPLICATE.matcher(message);
        boolean duplicate = dup.find();
        String at = known.isEmpty() ? parserPath(e, !duplicate) : known;
        if (duplicate) {
            String name = dup.group(1);
            String field = at.isEmpty() ? name : at + "." + name;
            return Problems.validation(List.of(new Problem.FieldError(field, "appears more than once in the same object")
                    .zh("field.DUPLICATE.key", name)));
        }
        if (e instanceof StreamConstraintsException) {
            return Problems.validation(List.of(new Problem.FieldError(orBody(at),
                    "exceeds a limit of this service: " + message.replaceAll(",? ?\\(?from `[^`]*`\\)?", "")
                            .replaceAll(" \\(\\)", "")).zh("field.OUT_OF_RANGE.stream", StrictJson.LIMITS.getMaxNumberLength(),
                    StrictJson.LIMITS.getMaxNestingDepth(), StrictJson.LIMITS.getMaxStringLength(), StrictJson.LIMITS.getMaxNameLength())));
        }
        if (e instanceof InputCoercionException coercion) {
            boolean integer = coercion.getTargetType() == Integer.TYPE || coercion.getTargetType() == Integer.class;
            long min = integer ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long max = integer ? Integer.MAX_VALUE : Long.MAX_VALUE;
            return Problems.validation(List.of(new Problem.FieldError(orBody(at), "is out of range (" + min + " to " + max
                    + "; the field's own limit may be narrower)", FieldCodes.OUT_OF_RANGE).zh("field.OUT_OF_RANGE.number", min, max)));
        }
        JsonLocation where = e.getLocation();
        // Jackson's advice to enable a feature (NaN, comments, single quotes) is for its programmers, not for a client
        message = message.replaceAll(":? ?\\(?(?:enable|set) `?[A-Za-z.]*(?:Feature|JsonReadFeature)[A-Za-z_.]*`?[^)]*\\)?( to allow)?", "");
        return Problems.validation(List.of(new Problem.FieldError("body",
                "is not well-formed JSON" + (at.isEmpty() ? "" : " (at " + at + ")") + ": " + message)
                .zh(at.isEmpty() ? "field.MALFORMED_JSON.at" : "field.MALFORMED_JSON.in", where == null ? "?" : where.getLineNr(),
                        where == null ? "?" : where.getColumnNr(), at)));
    }


    /** Where the parser stood when it failed, as a dotted JSON path ({@code participants[0]}); empty at the top. */
    private static String parserPath(JsonProcessingException e, boolean innermostName) {
        if (!(e instanceof StreamReadException read) || read.getProcessor() == null || read.getProcessor().getParsingContext() == null) {
            return "";
        }
        JsonParser parser = read.getProcessor();
        StringBuilder sb = new StringBuilder();
        JsonStreamContext ctx = parser.getParsingContext();
        if (ctx.inObject() && !innermostName) {
            ctx = ctx.getParent(); // a duplicate: the object is named by its own place, the message adds the key
        }
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (; ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
            if (ctx.inArray()) {
                parts.push("[" + Math.max(ctx.getCurrentIndex(), 0) + "]");
            } else if (ctx.getCurrentName() != null) {
                parts.push("." + ctx.getCurrentName());
            }
        }
        parts.forEach(sb::append);
        return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    private static String orBody(String field) {
        return field == null || field.isEmpty() ? "body" : field;
    }

    /**
     * The case of a field's Java type among the Chinese messages ({@code field.invalid.<kind>},
     * {@code field.INVALID_TYPE.<kind>}): enum, date, integer, number, boolean or other.
     */
    private static String kind(Class<?> type) {
        if (type == null) {
            return "other";
        }
        if (type.isEnum()) {
            return "enum";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date";
            case "Integer", "int", "Long", "long" -> "integer";
            case "BigDecimal", "Double", "double" -> "number";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            default -> type.isArray() || Collection.class.isAssignableFrom(type) ? "array" : "object";
        };
    }

    /** The accepted values of an enum type, comma separated (empty for other types). */
    private static String allowed(Class<?> type) {
        if (type == null || !type.isEnum()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Object v : type.getEnumConstants()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(v);
        }
        return sb.toString();
    }

    /** What a field of this Java type takes, in English; the Chinese is {@code field.*.<kind>}. Never a class name. */
    private static String describe(Class<?> type) {
        return switch (kind(type)) {
            case "enum" -> "value; one of " + allowed(type);
            case "date" -> "date (YYYY-MM-DD)";
            case "integer" -> "whole number";
            case "number" -> "number";
            case "boolean" -> "boolean (true or false)";
            case "string" -> "string";
            case "array" -> "JSON array";
            default -> "JSON object";
        };
    }

    /** Jackson's reference path as a dotted JSON path: {@code participants[0].creditCode}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
