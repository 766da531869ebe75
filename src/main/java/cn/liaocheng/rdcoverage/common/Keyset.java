package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Keyset ("seek") paging over an allow-listed sort, {@code sort=name,-revenue}, with a unique tie-break column last:
 * the next page starts strictly after the previous page's last row, so a page costs the same at row 400,000 as at
 * row 0 and no row is skipped or repeated when rows are added or removed between pages (only a row whose sort values
 * changed can move across the cursor). Every sort column must be NOT NULL.
 * <p>
 * The cursor ({@code after}) is opaque to clients: base64url of a JSON array holding the sort it was made for and the
 * last row's sort values. A cursor that is not one, or that was made for another sort, is a 400 naming {@code after}.
 *
 * @param <T> the row type the cursor is read from
 */
public final class Keyset<T> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A sortable column: its API field name, its SQL expression, the Java type bound, and how to read it from a row. */
    public record Column<T>(String field, String sql, Class<?> type, Function<T, Object> value) {
    }

    private record Key<T>(Column<T> column, boolean desc) {
    }

    private final String sort;
    private final List<Key<T>> keys;

    private Keyset(String sort, List<Key<T>> keys) {
        this.sort = sort;
        this.keys = keys;
    }

    /**
     * @param sort     the {@code sort} query parameter (may be null): fields, comma separated, {@code -} for descending
     * @param sortable the columns a client may sort by (unknown fields are a 400 naming {@code sort})
     * @param tieBreak the unique column appended last, ascending
     */
    public static <T> Keyset<T> of(String sort, List<Column<T>> sortable, Column<T> tieBreak) {
        Map<String, Column<T>> byField = new LinkedHashMap<>();
        sortable.forEach(c -> byField.put(c.field(), c));
        List<Key<T>> keys = new ArrayList<>();
        StringJoiner normal = new StringJoiner(",");
        for (Sorting.Field f : Sorting.parse(sort)) {
            String field = f.name();
            boolean desc = f.descending();
            Column<T> column = byField.get(field);
            if (column == null) {
                throw Sorting.unknown(field, byField.keySet());
            }
            if (column.field().equals(tieBreak.field())) {
                if (desc) {
                    keys.add(new Key<>(column, true));
                    normal.add("-" + field);
                }
                break; // unique: later fields cannot change the order
            }
            keys.add(new Key<>(column, desc));
            normal.add((desc ? "-" : "") + field);
        }
        if (keys.stream().noneMatch(k -> k.column().field().equals(tieBreak.field()))) {
            keys.add(new Key<>(tieBreak, false));
        }
        return new Keyset<>(normal.toString(), List.copyOf(keys));
    }

    /** Whether every sort column is an expression over the alias {@code alias} (e.g. "s"). */
    public boolean onlyOver(String alias) {
        return keys.stream().allMatch(k -> k.column().sql().startsWith(alias + "."));
    }

    /** The ORDER BY list, e.g. {@code e.name asc, s.credit_code asc}. */
    public String orderBy() {
        StringJoiner order = new StringJoiner(", ");
        keys.forEach(k -> order.add(k.column().sql() + (k.desc() ? " desc" : " asc")));
        return order.toString();
    }

    /** A condition over named parameters, and the parameters, that a query ANDs to its WHERE clause. */
    public record After(String sql, Map<String, Object> params) {
        public static final After NONE = new After("", Map.of());
    }

    /**
     * The rows strictly after the cursor in this order: {@code (c1 > :k0) or (c1 = :k0 and c2 > :k1) …}
     * ({@code <} for a descending column); {@link After#NONE} for a null or blank cursor (the first page).
     */
    public After after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return After.NONE;
        }
        List<Object> values = decode(cursor.trim());
        Map<String, Object> params = new LinkedHashMap<>();
        StringJoiner or = new StringJoiner(" or ", "(", ")");
        for (int i = 0; i < keys.size(); i++) {
            StringJoiner and = new StringJoiner(" and ", "(", ")");
            for (int j = 0; j < i; j++) {
                and.add(keys.get(j).column().sql() + " = :keyset" + j);
            }
            Key<T> k = keys.get(i);
            and.add(k.column().sql() + (k.desc() ? " < " : " > ") + ":keyset" + i);
            or.add(and.toString());
            params.put("keyset" + i, values.get(i));
        }
        return new After(or.toString(), params);
    }

    /** The cursor that continues after {@code last} (the last row of a page). */
    public String cursorOf(T last) {
        List<Object> values = new ArrayList<>();
        values.add(sort);
        for (Key<T> k : keys) {
            Object v = k.column().value().apply(last);
            values.add(v instanceof BigDecimal b ? b.toPlainString() : v);
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Object> decode(String cursor) {
        List<?> raw;
        try {
            raw = JSON.readValue(Base64.getUrlDecoder().decode(cursor), List.class);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ApiException.invalid("after", FieldMessage.of("is not a cursor of this list: pass the next of the previous page as it was",
                    "field.INVALID.cursor"));
        }
        if (raw.size() != keys.size() + 1 || !sort.equals(raw.get(0))) {
            Object madeFor = raw.isEmpty() ? "?" : raw.get(0);
            throw ApiException.invalid("after", FieldMessage.of("was made for another sort (" + madeFor
                    + "); ask again with the sort of the page it came from, or without after for the first page",
                    "field.INVALID.cursor-sort", madeFor));
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Object v = raw.get(i + 1);
            Class<?> type = keys.get(i).column().type();
            try {
                if (v == null) {
                    throw new IllegalArgumentException("null");
                } else if (type == String.class) {
                    values.add(v.toString());
                } else if (type == Integer.class) {
                    values.add(Integer.valueOf(v.toString()));
                } else if (type == Long.class) {
                    values.add(Long.valueOf(v.toString()));
                } else if (type == BigDecimal.class) {
                    values.add(new BigDecimal(v.toString()));
                } else {
                    throw new IllegalStateException("unsupported keyset type " + type);
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("after", FieldMessage.of("is not a cursor of this list: pass the next of the previous page as it was",
                    "field.INVALID.cursor"));
            }
        }
        return values;
    }
}
