package cn.liaocheng.rdcoverage.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing of date and instant query parameters, with errors that name the parameter. */
public final class Timestamps {
    private Timestamps() {
    }

    /** An ISO-8601 instant with offset ({@code 2026-01-01T00:00:00Z}) or a date (start of that day, Asia/Shanghai). */
    public static Instant parseSince(String field, String raw) {
        String s = raw.trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(Clocks.ZONE).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, FieldMessage.of("'" + raw + "' is not an ISO-8601 date or date-time with offset (e.g. 2026-01-01T00:00:00Z)",
                    "field.INVALID_DATE.since", raw));
        }
    }

    public static LocalDate parseDate(String field, String raw) {
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, FieldMessage.of("'" + raw + "' is not an ISO-8601 date (YYYY-MM-DD)", "field.INVALID_DATE.date", raw));
        }
    }
}
