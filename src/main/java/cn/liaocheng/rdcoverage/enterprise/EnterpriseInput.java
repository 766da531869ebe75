package cn.liaocheng.rdcoverage.enterprise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a client may set on an enterprise; derived fields (sizeClass, ...) are not accepted. */
public record EnterpriseInput(
        String creditCode,
        @NotBlank @Size(max = EnterpriseLimits.NAME_MAX) String name,
        @NotBlank @Pattern(regexp = EnterpriseLimits.REGION_CODE_REGEX, message = "{rd.regionCode.format}") String regionCode,
        @Pattern(regexp = EnterpriseLimits.INDUSTRY_CODE_REGEX, message = "{rd.industryCode.format}") String industryCode,
        @Size(max = EnterpriseLimits.ADDRESS_MAX) String address,
        Boolean keyEnterprise,
        Boolean keyIndustry,
        List<@NotNull @Valid FiguresInput> figures) {
}
