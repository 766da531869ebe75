package cn.liaocheng.rdcoverage.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/** The series of snapshots between two dates (by asOf) for the city ({@code regionCode} absent) or one region. */
public record Trend(@JsonInclude(JsonInclude.Include.NON_NULL) String regionCode,
                    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate from,
                    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate to, List<TrendPoint> points) {
}
