package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Localisable;
import cn.liaocheng.rdcoverage.common.ProblemLanguage;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/**
 * A rejected row: its line in the file, the column or field, a stable machine {@code code} a portal translates (the
 * codes of a field error, {@link cn.liaocheng.rdcoverage.common.FieldCodes}) and what is wrong, for people, with the
 * refused value quoted as sent. The message follows Accept-Language (Chinese by default, from the ProblemMessages
 * bundle; English as written where the row is checked); line, field and code do not.
 */
@Schema(name = "ImportError", description = "One rejected row of an import: line, field, stable code and message")
@JsonPropertyOrder({"line", "index", "field", "code", "message"})
public record ImportError(@Schema(description = "line (row) of the file, the header's row counted; in JSON the line "
                                  + "where the record starts") long line,
                          @JsonInclude(JsonInclude.Include.NON_NULL)
                          @Schema(description = "JSON uploads only: the record's 0-based index in the array (or among "
                                  + "the NDJSON records), which tells records apart where one line holds them all; "
                                  + "absent for CSV, TSV and xlsx", minimum = "0",
                                  extensions = @Extension(name = "x-optional", value = "true")) Long index,
                          @Schema(description = "the field the column maps to (creditCode, employees, ...) or row") String field,
                          @Schema(description = "stable machine code (REQUIRED, OUT_OF_RANGE, INVALID_CREDIT_CODE, ...; the "
                                  + "codes of FieldError)", examples = "INVALID_CREDIT_CODE") String code,
                          @Schema(description = "for people, in the Accept-Language (Chinese by default)") String message,
                          @JsonIgnore @Schema(hidden = true) FieldMessage localised) implements Localisable {

    /** The file's order: by line, and in a JSON upload (every record on one line, possibly) by record. */
    public static final java.util.Comparator<ImportError> FILE_ORDER = java.util.Comparator.comparingLong(ImportError::line)
            .thenComparing(ImportError::index, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));

    /** The row error {@code message} is about: its code from the message's key ({@link FieldMessage#code}). */
    public ImportError(long line, String field, FieldMessage message) {
        this(line, null, field, message.code(), message.english(), message);
    }

    /** This error about the {@code index}-th (0-based) record of a JSON upload; itself for a table's row (-1). */
    public ImportError at(long index) {
        return index < 0 ? this : new ImportError(line, index, field, code, message, localised);
    }

    /** A required value missing from the row. */
    public static ImportError required(long line, String field) {
        return new ImportError(line, field, FieldMessage.of("is required", "field.REQUIRED.plain"));
    }

    @Override
    public ImportError in(Locale locale) {
        return localised == null ? this : new ImportError(line, index, field, code, ProblemLanguage.message(localised, locale), localised);
    }
}
