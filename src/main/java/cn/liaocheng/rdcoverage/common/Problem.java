package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is a stable relative URI per kind of problem, {@code errors}
 * names the offending fields of a validation problem, and extension members (e.g. {@code allowedActions})
 * carry what a client needs to recover. Never a class name or a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    public final String type;
    /** Replaced by the language the client asked for (see {@link ProblemLanguage}); the type stays. */
    public String title;
    public final int status;
    public String detail;
    public String instance;
    public List<FieldError> errors;
    /** The bundle key and arguments of this problem's detail in Chinese, when the raiser gave them (never served). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String detailKey;
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Object[] detailArgs;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The slug of {@link #type} ({@code validation} for {@code /problems/validation}). */
    public String slug() {
        return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
    }

    /**
     * One invalid field: a JSON path, query parameter or column name, a stable machine {@code code} a portal can
     * translate (see {@link FieldCodes}), and a human message in the requested language.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"field", "code", "message"})
    public record FieldError(String field, String message, String code,
                             @com.fasterxml.jackson.annotation.JsonIgnore FieldMessage localised) {
        public FieldError(String field, String message, String code) {
            this(field, message, code, null);
        }

        /** A field error whose code is guessed from the message (REQUIRED, OUT_OF_RANGE, ... else INVALID). */
        public FieldError(String field, String message) {
            this(field, message, FieldCodes.guess(message));
        }

        /** A field error with its message in both languages (see {@link FieldMessage}). */
        public FieldError(String field, FieldMessage message, String code) {
            this(field, message.english(), code, message);
        }

        /**
         * A field error with its message in both languages, and the code its message key names
         * ({@code field.<CODE>.<case>}, see {@link FieldMessage#code}); guessed from the English only for a key that
         * names none.
         */
        public FieldError(String field, FieldMessage message) {
            this(field, message, message.code());
        }

        /** This error with its Chinese message: the ProblemMessages pattern {@code key} over {@code args}. */
        public FieldError zh(String key, Object... args) {
            return new FieldError(field, message, code, new FieldMessage(message, key, args));
        }

        public FieldError withMessage(String localized) {
            return new FieldError(field, localized, code, null);
        }
    }
}
