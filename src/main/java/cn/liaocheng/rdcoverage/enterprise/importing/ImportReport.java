package cn.liaocheng.rdcoverage.enterprise.importing;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Localisable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did (or, on a dry run, would do): rows received, created (a new enterprise-year), updated,
 * unchanged and rejected, with each rejected row's line, field and message; rows skipped (blank rows, note rows
 * below the data); and what was understood of the file (encoding, header mapping with units, year). The row errors'
 * messages follow Accept-Language ({@link Localisable}); everything else is the same in every language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(long received, long created, long updated, long unchanged, long rejected, long skipped,
                           boolean dryRun, String mode, boolean committed,
                           @Schema(extensions = @Extension(name = "x-optional", value = "true")) List<ImportError> errors,
                           @Schema(extensions = @Extension(name = "x-optional", value = "true")) Long errorsOmitted,
                           @Schema(extensions = @Extension(name = "x-optional", value = "true")) ImportFile file)
        implements Localisable {

    @Override
    public ImportReport in(Locale locale) {
        return errors == null ? this : new ImportReport(received, created, updated, unchanged, rejected, skipped, dryRun, mode,
                committed, errors.stream().map(e -> e.in(locale)).toList(), errorsOmitted, file);
    }

    /**
     * The all-or-nothing refusal of a file with invalid rows: 422 {@code import-rejected}, this report's counts (what
     * a dry run would have done; nothing was written) and every listed row error as problem extensions.
     */
    public ApiException rejection() {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("received", received);
        ext.put("created", created);
        ext.put("updated", updated);
        ext.put("unchanged", unchanged);
        ext.put("rejected", rejected);
        ext.put("skipped", skipped);
        ext.put("dryRun", dryRun);
        ext.put("committed", false);
        ext.put("errors", errors);
        if (errorsOmitted != null) {
            ext.put("errorsOmitted", errorsOmitted);
        }
        ext.put("file", file);
        return ApiException.unprocessable("import-rejected", rejected + " of " + received + " rows are invalid, so nothing "
                + (dryRun ? "would be" : "was") + " imported; fix them, or send ?mode=partial to keep the valid rows", ext).zh(dryRun ? "detail.import-rejected.dry-run" : "detail.import-rejected", rejected, received);
    }
}
