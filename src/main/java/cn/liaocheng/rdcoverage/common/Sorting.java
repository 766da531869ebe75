package cn.liaocheng.rdcoverage.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code sort} query parameter ({@code sort=name,-updatedAt}: API field names, comma separated, {@code -} for
 * descending, {@code +} optional for ascending): read once here, for the ORDER BY of offset pages
 * ({@link #orderBy}) and for keyset pages ({@link Keyset#of}). Unknown fields are a 400 naming {@code sort}.
 */
public final class Sorting {
    private Sorting() {
    }

    /** One field of the parameter as the client wrote it. */
    public record Field(String name, boolean descending) {
    }

    /** The fields of {@code sort} in order; empty for null or blank. */
    public static List<Field> parse(String sort) {
        List<Field> fields = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String raw : sort.split(",")) {
                String field = raw.trim();
                boolean desc = field.startsWith("-");
                if (desc || field.startsWith("+")) {
                    field = field.substring(1);
                }
                fields.add(new Field(field, desc));
            }
        }
        return fields;
    }

    /** The 400 for a field that is not in the allow-list, listing the ones that are. */
    public static ApiException unknown(String field, Collection<String> sortable) {
        String fields = String.join(", ", sortable.stream().sorted().toList());
        return ApiException.invalid("sort", FieldMessage.of("cannot sort by '" + field + "'; sortable fields: " + fields,
                "field.NOT_SORTABLE.sort", field, fields));
    }

    /**
     * @param sort     the query parameter, may be null
     * @param columns  API field name to column expression
     * @param tieBreak the unique column appended last so that pages are stable
     */
    public static String orderBy(String sort, Map<String, String> columns, String tieBreak) {
        StringJoiner order = new StringJoiner(", ");
        for (Field f : parse(sort)) {
            String column = columns.get(f.name());
            if (column == null) {
                throw unknown(f.name(), columns.keySet());
            }
            order.add(column + (f.descending() ? " desc" : " asc"));
        }
        order.add(tieBreak + " asc");
        return order.toString();
    }
}
