package cn.liaocheng.rdcoverage.common;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A JPQL where clause built from optional filters, with its named parameters. */
public final class Where {
    private final StringBuilder clause = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code condition} (with its one parameter) joined by "and". */
    public Where and(String condition, String param, Object value) {
        clause.append(clause.isEmpty() ? " where " : " and ").append(condition);
        if (param != null) {
            params.put(param, value);
        }
        return this;
    }

    /**
     * The sync filter {@code updatedSince}, when given: the rows of {@code alias} changed at or after the instant it
     * names ({@link Timestamps#parseSince}; anything else is a 400 naming updatedSince).
     */
    public Where updatedSince(String alias, String raw) {
        return has(raw) ? and(alias + ".updatedAt >= :since", "since", Timestamps.parseSince("updatedSince", raw)) : this;
    }

    public boolean has(String raw) {
        return raw != null && !raw.isBlank();
    }

    public String clause() {
        return clause.toString();
    }

    public Map<String, Object> params() {
        return params;
    }

    /** An enum query parameter, case-insensitive; anything else is a 400 naming the parameter and its values. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, FieldMessage.of("must be one of " + Arrays.toString(type.getEnumConstants()),
                    "field.INVALID_VALUE.enum", raw, String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        }
    }

    /** An id given as a filter: a malformed one is a 400 naming the parameter. */
    public static UUID parseId(String field, String raw) {
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, FieldMessage.of("'" + raw + "' is not an id", "field.INVALID.id", raw));
        }
    }

    /**
     * The entity a path id names, when it exists and {@code visible} holds for it; else a 404 naming {@code what} and the
     * id as given, the same answer for a malformed id, an unknown one and one outside the caller's scope (so that the
     * answer does not tell which).
     *
     * @param find    the entity by id, or null: {@code id -> Institution.findById(id)} (not {@code Institution::findById},
     *                which names PanacheEntityBase's method, the one Panache does not enhance)
     * @param visible whether the caller may see it (its scope, or its parent's id)
     */
    public static <E> E findOr404(String what, String raw, java.util.function.Function<UUID, E> find,
                                  java.util.function.Predicate<E> visible) {
        E entity = find.apply(idOr404(what, raw));
        if (entity == null || !visible.test(entity)) {
            throw ApiException.notFound(what, raw);
        }
        return entity;
    }

    /** {@link #findOr404(String, String, java.util.function.Function, java.util.function.Predicate)} for what everyone may see. */
    public static <E> E findOr404(String what, String raw, java.util.function.Function<UUID, E> find) {
        return findOr404(what, raw, find, entity -> true);
    }

    /** An id in a path: a malformed one names nothing that exists, so it is a 404 like an unknown one. */
    public static UUID idOr404(String what, String raw) {
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what, raw);
        }
    }
}
