package cn.liaocheng.rdcoverage.enterprise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a client may set on an enterprise; derived fields (sizeClass, ...) are not accepted. */
public record EnterpriseInput(
        String creditCode,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String regionCode,
        @Pattern(regexp = "[A-T]?\\d{2,4}", message = "must be a GB/T 4754-2017 code such as C3311 or 3311") String industryCode,
        @Size(max = 300) String address,
        Boolean keyEnterprise,
        Boolean keyIndustry,
        List<@Valid FiguresInput> figures) {
}
