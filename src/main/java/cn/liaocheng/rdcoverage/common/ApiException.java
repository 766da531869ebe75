package cn.liaocheng.rdcoverage.common;

import java.util.List;
import java.util.Map;

/** A failure the client can act on; mapped to a problem document with the given status. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;
    private String detailKey;
    private Object[] detailArgs;

    public ApiException(int status, String type, String title, String detail,
                        List<Problem.FieldError> errors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : errors;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", "Not found", what + " " + id + " does not exist", null, null);
    }

    /** An action the caller's role or scope does not permit (objects outside the scope are 404 instead). */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, null, null);
    }

    /** A field error with a stable machine code (see {@link FieldCodes}). */
    public static ApiException invalid(String field, String message, String code) {
        return invalid(List.of(new Problem.FieldError(field, message, code)));
    }

    /** A field error with its message in both languages (see {@link FieldMessage}) and the code its key names. */
    public static ApiException invalid(String field, FieldMessage message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** A field error with its message in both languages and a stable machine code. */
    public static ApiException invalid(String field, FieldMessage message, String code) {
        return invalid(List.of(new Problem.FieldError(field, message, code)));
    }

    public static ApiException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(400, "validation", "Invalid request", detail, errors, null);
    }

    /** A request body that JAX-RS read as absent (an empty body) is a 400 naming "body". */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw invalid("body", FieldMessage.of("is required", "field.REQUIRED.body"));
        }
        return body;
    }

    /** A body's {@code year}, when given, is the year in the path of the yearly resource it is put to; else a 400 naming "year". */
    public static void requirePathYear(Integer bodyYear, int pathYear) {
        if (bodyYear != null && bodyYear != pathYear) {
            throw invalid("year", FieldMessage.of("must equal the year in the path (" + pathYear + ")", "field.INVALID_VALUE.path-year", pathYear));
        }
    }

    public static ApiException conflict(String type, String detail) {
        return new ApiException(409, type, "Conflict", detail, null, null);
    }

    public static ApiException conflict(String type, String detail, Map<String, Object> extensions) {
        return new ApiException(409, type, "Conflict", detail, null, extensions);
    }

    public static ApiException unprocessable(String type, String detail, Map<String, Object> extensions) {
        return new ApiException(422, type, "Unprocessable request", detail, null, extensions);
    }

    /** 428: a change that must name the version it replaces came without If-Match. */
    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "precondition-required", "Precondition required", detail, null, null);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail, null, null);
    }

    /**
     * The detail in Chinese: the key of a MessageFormat pattern in the ProblemMessages bundle ({@code detail.<slug>.<case>})
     * and its arguments, used instead of the English detail under {@code Accept-Language: zh-CN} (see ProblemLanguage).
     */
    public ApiException zh(String key, Object... args) {
        this.detailKey = key;
        this.detailArgs = args;
        return this;
    }

    public int status() {
        return status;
    }

    /** The field errors of a 400 (empty otherwise). */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        Problem p = new Problem(Problems.type(type), title, status, getMessage(), errors);
        extensions.forEach(p::with);
        p.detailKey = detailKey;
        p.detailArgs = detailArgs;
        return p;
    }
}
