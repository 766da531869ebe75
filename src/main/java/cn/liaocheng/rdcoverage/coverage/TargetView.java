package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;

/** A target as the API shows it; {@code regionCode} and {@code regionName} are null for the city-wide target. */
public record TargetView(String id, int year, @Schema(nullable = true) String regionCode, @Schema(nullable = true) String regionName, BigDecimal coverageRate,
                         int provincialIncrease, Instant createdAt, Instant updatedAt, @JsonIgnore long version) implements Versioned {
}
