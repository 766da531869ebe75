package cn.liaocheng.rdcoverage.enterprise.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the import understood of the file: its format and encoding (and why: bom, label or detected), the row it
 * took for the header, each column's field with the unit and the factor applied to reach yuan, the columns it did not
 * read, and the year of rows without a year cell with where it came from (query, title or column).
 */
public record ImportFile(String format, @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String fileName,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String encoding,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String encodingSource,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String delimiter,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) Long headerRow,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String title,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) List<Mapping> columns,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) List<String> ignoredColumns,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) Integer year,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String yearSource) {

    /** One header: the column as written, the field it fills, its unit, the factor to the stored unit and where the unit came from. */
    public record Mapping(String column, String field, @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String unit,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) BigDecimal factor,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String unitSource) {
    }
}
