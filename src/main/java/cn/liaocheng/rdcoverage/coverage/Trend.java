package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/** The series of snapshots between two dates (by asOf) for the city ({@code regionCode} absent) or one region. */
public record Trend(@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) String regionCode,
                    @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) LocalDate from,
                    @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = "x-optional", value = "true")) LocalDate to, List<TrendPoint> points) {
}
