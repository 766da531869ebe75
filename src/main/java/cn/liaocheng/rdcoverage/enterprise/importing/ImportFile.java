package cn.liaocheng.rdcoverage.enterprise.importing;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the import understood of the file: its format and encoding (and why: bom, label or detected), the row it
 * took for the header, each column's field with the unit and the factor applied to reach yuan, the columns it did not
 * read, and the year of rows without a year cell with where it came from (query, title or column).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportFile(String format, String fileName, String encoding, String encodingSource, String delimiter,
                         Long headerRow, String title, List<Mapping> columns, List<String> ignoredColumns,
                         Integer year, String yearSource) {

    /** One header: the column as written, the field it fills, its unit, the factor to the stored unit and where the unit came from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mapping(String column, String field, String unit, BigDecimal factor, String unitSource) {
    }
}
