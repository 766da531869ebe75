package cn.liaocheng.rdcoverage.enterprise.importing;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What an import did (or, on a dry run, would do): rows received, created (a new enterprise-year), updated,
 * unchanged and rejected, with each rejected row's line, field and message; rows skipped (blank rows, note rows
 * below the data); and what was understood of the file (encoding, header mapping with units, year).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(long received, long created, long updated, long unchanged, long rejected, long skipped,
                           boolean dryRun, String mode, boolean committed,
                           @Schema(extensions = @Extension(name = "x-optional", value = "true")) List<ImportError> errors,
                           @Schema(extensions = @Extension(name = "x-optional", value = "true")) Long errorsOmitted,
                           @Schema(extensions = @Extension(name = "x-optional", value = "true")) ImportFile file) {
}
