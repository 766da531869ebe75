package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** An enterprise as the API shows it. sizeClass, aboveDesignatedSize and figuresYear come from the latest figures. */
public record EnterpriseView(String creditCode, String name, String regionCode, String regionName,
                             @Schema(nullable = true) String industryCode, @Schema(nullable = true) String address, boolean keyEnterprise, boolean keyIndustry,
                             @Schema(nullable = true) Integer figuresYear, @Schema(nullable = true) SizeClass sizeClass, @Schema(nullable = true) Boolean aboveDesignatedSize,
                             Instant createdAt, Instant updatedAt, @JsonIgnore long version) implements Versioned {
}
