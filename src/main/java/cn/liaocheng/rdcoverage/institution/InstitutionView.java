package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.Versioned;
import cn.liaocheng.rdcoverage.capacity.CapacityView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.eligibility.CertificationLevel;
import cn.liaocheng.rdcoverage.eligibility.PartnerKind;
import cn.liaocheng.rdcoverage.eligibility.PlatformKind;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An institution as the API shows it. {@code participants} are credit codes (as declared); {@code enterprises}
 * names them; {@code capacity} is the latest declared year (every year under /capacity/{year}).
 */
public record InstitutionView(String id, String name, InstitutionKind kind, @Schema(nullable = true) BuildMode buildMode,
                              List<String> participants, List<ParticipantView> enterprises,
                              @Schema(nullable = true) CapacityView capacity, List<CooperationView> cooperations,
                              @Schema(nullable = true) PlatformView platform, @Schema(nullable = true) AgreementView serviceAgreement,
                              InstitutionStatus status, @Schema(nullable = true) LocalDate recognizedOn, @Schema(nullable = true) LocalDate revokedOn,
                              Instant createdAt, Instant updatedAt, @JsonIgnore long version) implements Versioned {

    @Schema(name = "InstitutionParticipantView")
    public record ParticipantView(String creditCode, @Schema(nullable = true) String name, @Schema(nullable = true) String regionCode, @Schema(nullable = true) String regionName) {
    }

    public record CooperationView(String partner, @Schema(nullable = true) PartnerKind partnerKind, @Schema(nullable = true) LocalDate signedOn, @Schema(nullable = true) LocalDate validUntil,
                                  @Schema(nullable = true) String activities) {
    }

    public record PlatformView(@Schema(nullable = true) String name, @Schema(nullable = true) PlatformKind kind, @Schema(nullable = true) CertificationLevel certificationLevel) {
    }

    public record AgreementView(@Schema(nullable = true) String expert, @Schema(nullable = true) LocalDate signedOn, @Schema(nullable = true) LocalDate validUntil) {
    }
}
