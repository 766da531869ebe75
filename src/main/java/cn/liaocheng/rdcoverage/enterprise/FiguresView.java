package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.common.StoredDecimals;
import cn.liaocheng.rdcoverage.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One statistical year, with the region the enterprise belonged to that year. {@code aboveDesignatedSizeSource} says whether 规上 was declared by the statistics or
 * derived from revenue; {@code sizeClass} is derived (国统字〔2017〕213号).
 */
public record FiguresView(String creditCode, int year, String regionCode, int employees, BigDecimal revenue,
                          boolean aboveDesignatedSize, String aboveDesignatedSizeSource, @Schema(nullable = true) SizeClass sizeClass,
                          Instant updatedAt, @JsonIgnore long version) implements Versioned {
    /** Revenue (yuan) as stored, 2 decimals. */
    public FiguresView {
        revenue = StoredDecimals.amount(revenue);
    }

    static FiguresView of(EnterpriseFigures f) {
        return new FiguresView(f.creditCode, f.year, f.regionCode, f.employees, f.revenue, f.aboveDesignatedSize,
                f.aboveSizeDeclared ? "DECLARED" : "DERIVED", f.sizeClass, f.updatedAt, f.version);
    }
}
