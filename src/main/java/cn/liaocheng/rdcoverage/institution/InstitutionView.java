package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.eligibility.CertificationLevel;
import cn.liaocheng.rdcoverage.eligibility.PartnerKind;
import cn.liaocheng.rdcoverage.eligibility.PlatformKind;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An institution as the API shows it. {@code participants} are credit codes (as declared); {@code enterprises}
 * names them; {@code capacity} is the latest declared year (every year under /capacity/{year}).
 */
public record InstitutionView(String id, String name, InstitutionKind kind, BuildMode buildMode,
                              List<String> participants, List<ParticipantView> enterprises,
                              CapacityView capacity, List<CooperationView> cooperations,
                              PlatformView platform, AgreementView serviceAgreement,
                              InstitutionStatus status, LocalDate recognizedOn, LocalDate revokedOn,
                              Instant createdAt, Instant updatedAt, @JsonIgnore long version) {

    public record ParticipantView(String creditCode, String name, String regionCode, String regionName) {
    }

    public record CapacityView(int year, int personnel, BigDecimal equipmentValue, BigDecimal rdExpenditure,
                               BigDecimal floorArea, int projectCount, boolean hasRules, boolean hasStableFunding) {
        static CapacityView of(InstitutionCapacity c) {
            return c == null ? null : new CapacityView(c.year, c.personnel, c.equipmentValue, c.rdExpenditure,
                    c.floorArea, c.projectCount, c.hasRules, c.hasStableFunding);
        }
    }

    public record CooperationView(String partner, PartnerKind partnerKind, LocalDate signedOn, LocalDate validUntil,
                                  String activities) {
    }

    public record PlatformView(String name, PlatformKind kind, CertificationLevel certificationLevel) {
    }

    public record AgreementView(String expert, LocalDate signedOn, LocalDate validUntil) {
    }
}
