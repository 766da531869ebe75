package cn.liaocheng.rdcoverage.common;

import java.util.Map;
import java.util.StringJoiner;

/** Turns {@code sort=name,-updatedAt} into an ORDER BY over allow-listed columns; unknown fields are a 400. */
public final class Sorting {
    private Sorting() {
    }

    /**
     * @param sort     the query parameter, may be null
     * @param columns  API field name to column expression
     * @param tieBreak the unique column appended last so that pages are stable
     */
    public static String orderBy(String sort, Map<String, String> columns, String tieBreak) {
        StringJoiner order = new StringJoiner(", ");
        if (sort != null && !sort.isBlank()) {
            for (String raw : sort.split(",")) {
                String field = raw.trim();
                boolean desc = field.startsWith("-");
                if (desc || field.startsWith("+")) {
                    field = field.substring(1);
                }
                String column = columns.get(field);
                if (column == null) {
                    throw ApiException.invalid("sort", "cannot sort by '" + field + "'; sortable fields: "
                            + String.join(", ", columns.keySet().stream().sorted().toList()));
                }
                order.add(column + (desc ? " desc" : " asc"));
            }
        }
        order.add(tieBreak + " asc");
        return order.toString();
    }
}
