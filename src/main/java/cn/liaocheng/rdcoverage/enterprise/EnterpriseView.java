package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** An enterprise as the API shows it. sizeClass, aboveDesignatedSize and figuresYear come from the latest figures. */
public record EnterpriseView(String creditCode, String name, String regionCode, String regionName,
                             String industryCode, String address, boolean keyEnterprise, boolean keyIndustry,
                             Integer figuresYear, SizeClass sizeClass, Boolean aboveDesignatedSize,
                             Instant createdAt, Instant updatedAt, @JsonIgnore long version) {
}
