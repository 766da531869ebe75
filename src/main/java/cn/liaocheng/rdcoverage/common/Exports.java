package cn.liaocheng.rdcoverage.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What every download shares: column headers in the requested language (bundle ExportHeaders: Chinese by default,
 * English field names with {@code Accept-Language: en}) and a file name carrying the region and the date
 * ({@code uncovered-371581-2021-12-31.csv}), so that eleven county downloads do not overwrite each other.
 */
public final class Exports {
    /** The city (聊城市) as region of a city-wide download. */
    public static final String CITY = "371500";

    private Exports() {
    }

    /** The headers of the columns (API field names) in the language of the Accept-Language header. */
    public static List<String> header(List<String> fields, String acceptLanguage) {
        Locale locale = ProblemLanguage.of(acceptLanguage);
        if (!ProblemLanguage.isChinese(locale)) {
            return fields;
        }
        ResourceBundle labels;
        try {
            labels = ResourceBundle.getBundle("ExportHeaders", Locale.ROOT, Exports.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return fields;
        }
        List<String> out = new ArrayList<>(fields.size());
        for (String f : fields) {
            out.add(labels.containsKey(f) ? labels.getString(f) : f);
        }
        return out;
    }

    /** 200: the rows as CSV (UTF-8 with BOM) under the header, with the strong ETag of their content ({@link TableTag}). */
    public static jakarta.ws.rs.core.Response.ResponseBuilder csv(List<String> header, java.util.function.Consumer<TableOutput> rows) {
        jakarta.ws.rs.core.StreamingOutput body = out -> {
            try (CsvOutput csv = new CsvOutput(out, header)) {
                rows.accept(csv);
            }
        };
        return jakarta.ws.rs.core.Response.ok(body, CsvOutput.MEDIA_TYPE + ";charset=UTF-8")
                .tag(TableTag.of(TableTag.CSV, null, header, rows));
    }

    /** 200: the rows as an xlsx workbook of one sheet under the columns, with the strong ETag of their content. */
    public static jakarta.ws.rs.core.Response.ResponseBuilder xlsx(String sheet, List<String> columns,
                                                                 java.util.function.Consumer<TableOutput> rows) {
        jakarta.ws.rs.core.StreamingOutput body = out -> {
            try (XlsxOutput xlsx = new XlsxOutput(out, sheet, columns)) {
                rows.accept(xlsx);
            }
        };
        return jakarta.ws.rs.core.Response.ok(body, XlsxOutput.MEDIA_TYPE).tag(TableTag.of(TableTag.XLSX, null, columns, rows));
    }

    /** {@code attachment; filename="name-region-date.csv"}; a null region is the city. */
    public static String disposition(String name, String regionCode, LocalDate date) {
        return disposition(name, regionCode, date, "csv");
    }

    /** {@code attachment; filename="name-region-date.extension"} (csv, xlsx); a null region is the city. */
    public static String disposition(String name, String regionCode, LocalDate date, String extension) {
        String region = regionCode == null || regionCode.isBlank() || regionCode.equalsIgnoreCase("CITY") ? CITY
                : regionCode.replaceAll("[^0-9A-Za-z]", "");
        return "attachment; filename=\"" + name + "-" + region + "-" + date + "." + extension + "\"";
    }
}
