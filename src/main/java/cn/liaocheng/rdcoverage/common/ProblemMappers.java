package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Every failure leaves as application/problem+json; internals stay in the log. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Problem problem = e.toProblem();
        Response response = Problems.response(problem);
        Object retryAfter = problem.extensions().get("retryAfter");
        return retryAfter == null ? response : Response.fromResponse(response).header("Retry-After", retryAfter).build();
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(Problems.type("unauthorized"), "Unauthorized", 401,
                        "A valid bearer token is required (missing, expired, or not signed by a trusted issuer)", null))
                .build();
    }

    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response forbidden(RuntimeException e) {
        return Problems.response(403, "forbidden", "Forbidden", "Your role may not take this action");
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage(),
                    FieldCodes.ofConstraint(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return Problems.validation(errors);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = jsonPath(e);
        return Problems.validation(List.of(new Problem.FieldError(field,
                "is not a field of this resource, or is read-only and cannot be set", FieldCodes.UNKNOWN_FIELD)
                .zh("field.UNKNOWN_FIELD.property", e.getPropertyName())));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        if (e instanceof StrictJson.OutOfRange range) {
            return Problems.validation(List.of(new Problem.FieldError(orBody(jsonPath(e)), range.limit())
                    .zh("field.OUT_OF_RANGE.decimal", StrictJson.MAX_INTEGER_DIGITS, StrictJson.MAX_FRACTION_DIGITS)));
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
    private Response anyJson(JsonProcessingException e) {
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
        return json(e);
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
        java.util.regex.Matcher dup = DUPLICATE.matcher(message);
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
                            .replaceAll(" \\(\\)", "")).zh("field.OUT_OF_RANGE.stream", StrictJson.MAX_NUMBER_LENGTH,
                    StrictJson.MAX_NESTING_DEPTH, StrictJson.MAX_STRING_LENGTH, StrictJson.MAX_NAME_LENGTH)));
        }
        if (e instanceof InputCoercionException coercion) {
            return Problems.validation(List.of(new Problem.FieldError(orBody(at),
                    "is out of range: " + message.replaceAll(" \\(class [^)]*\\)", "")).zh("field.OUT_OF_RANGE.number",
                    coercion.getTargetType() == Integer.TYPE || coercion.getTargetType() == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE,
                    coercion.getTargetType() == Integer.TYPE || coercion.getTargetType() == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE)));
        }
        com.fasterxml.jackson.core.JsonLocation where = e.getLocation();
        return Problems.validation(List.of(new Problem.FieldError("body",
                "is not well-formed JSON" + (at.isEmpty() ? "" : " (at " + at + ")") + ": " + message)
                .zh(at.isEmpty() ? "field.MALFORMED_JSON.at" : "field.MALFORMED_JSON.in", where == null ? "?" : where.getLineNr(),
                        where == null ? "?" : where.getColumnNr(), at)));
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");

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
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
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

    @ServerExceptionMapper({org.hibernate.exception.ConstraintViolationException.class})
    public Response uniqueness(RuntimeException e) {
        if (e instanceof org.hibernate.exception.ConstraintViolationException cve && foreignKey(cve)) {
            return Problems.response(409, "referenced", "Conflict", "The change conflicts with records that refer to this "
                    + "one or that it refers to" + (cve.getConstraintName() == null ? "" : " (" + cve.getConstraintName() + ")")
                    + "; remove or change those first");
        }
        return Problems.response(409, "conflict", "Conflict",
                "The change conflicts with existing data (a record that must be unique already exists); read it and retry");
    }

    /** A foreign-key violation (SQLState 23503/23506; MySQL/MariaDB errors 1216, 1217, 1451, 1452). */
    private static boolean foreignKey(org.hibernate.exception.ConstraintViolationException e) {
        if (e.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.FOREIGN_KEY) {
            return true;
        }
        java.sql.SQLException sql = e.getSQLException();
        if (sql == null) {
            return false;
        }
        int code = sql.getErrorCode();
        return "23503".equals(sql.getSQLState()) || "23506".equals(sql.getSQLState())
                || code == 1216 || code == 1217 || code == 1451 || code == 1452;
    }

    @ServerExceptionMapper({OptimisticLockException.class, org.hibernate.StaleStateException.class,
            org.hibernate.exception.LockAcquisitionException.class, jakarta.persistence.PessimisticLockException.class,
            jakarta.persistence.LockTimeoutException.class})
    public Response optimisticLock(RuntimeException e) {
        return Problems.response(409, "concurrent-modification", "Conflict",
                "The resource was changed by another request at the same time; read it again and retry");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return internal(e);
        }
        String detail = switch (status) {
            case 400 -> "The request could not be read";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed here";
            case 406 -> "None of the accepted media types can be produced here";
            case 413 -> "The request body is larger than this endpoint accepts";
            case 415 -> "This content type is not accepted here";
            default -> e.getMessage();
        };
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return anyJson(jpe);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        Problem problem = new Problem(Problems.type(slug(status)), known == null ? "Error" : known.getReasonPhrase(), status, detail, null);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (e instanceof NotAllowedException && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        if (DatabaseOutage.isOutage(e)) {
            return DatabaseOutage.unavailable(e);
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api(api);
            }
            if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException) {
                return optimisticLock((RuntimeException) t);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                return uniqueness(cve);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled failure, incident %s", incident);
        return Problems.response(new Problem(Problems.type("internal"), "Internal error", 500,
                "The service failed to handle this request; the incident is logged", null)
                .with("incident", incident));
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> "http-" + status;
        };
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
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? "array" : "object";
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

    /** Bean Validation's path without the method and the request-body parameter: {@code capacity.personnel}. */
    static String fieldOf(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && "body".equals(node.getName())) {
                continue;
            }
            if (node.isInIterable() && !sb.isEmpty()) {
                sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
