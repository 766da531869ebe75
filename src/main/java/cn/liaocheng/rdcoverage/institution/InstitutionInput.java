package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.eligibility.CertificationLevel;
import cn.liaocheng.rdcoverage.eligibility.PartnerKind;
import cn.liaocheng.rdcoverage.eligibility.PlatformKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** What a client declares about an institution; status, recognition and ids are not accepted here. */
public record InstitutionInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull InstitutionKind kind,
        @NotNull BuildMode buildMode,
        @NotNull @Size(min = 1, max = 50) List<@NotBlank String> participants,
        @Valid CapacityInput capacity,
        @Size(max = 50) List<@Valid @NotNull CooperationInput> cooperations,
        @Valid PlatformInput platform,
        @Valid AgreementInput serviceAgreement) {

    public record CooperationInput(@NotBlank @Size(max = 200) String partner, @NotNull PartnerKind partnerKind,
                                   @NotNull LocalDate signedOn, LocalDate validUntil,
                                   @Size(max = 2000) String activities) {
    }

    public record PlatformInput(@NotBlank @Size(max = 200) String name, @NotNull PlatformKind kind,
                                @NotNull CertificationLevel certificationLevel) {
    }

    public record AgreementInput(@NotBlank @Size(max = 200) String expert, @NotNull LocalDate signedOn,
                                 LocalDate validUntil) {
    }
}
