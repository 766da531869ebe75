package cn.liaocheng.rdcoverage.eligibility;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The choices made where the policy text is ambiguous (docs/domain.md section 4, the interpretations); data, not code.
 *
 * @param microTier                    column used by MICRO enterprises, for the standard and for the award
 * @param jointRequiresEveryParticipant JOINT: the institution qualifies only if every participant does
 *                                      (false: if at least one does)
 * @param industryCapacityRequired     INDUSTRY: the capacity thresholds, rules and funding apply
 * @param industryCooperationRequired  INDUSTRY: academic cooperation is required
 * @param industryModeSubsidised       INDUSTRY: a qualified institution earns the one-time award
 * @param platformMinCertification     INDUSTRY: minimum certification per platform kind; a missing kind
 *                                      takes the default (institute NONE, community CITY, alliance CITY)
 */
public record Interpretations(Tier microTier, boolean jointRequiresEveryParticipant, boolean industryCapacityRequired,
        boolean industryCooperationRequired, boolean industryModeSubsidised,
        Map<PlatformKind, CertificationLevel> platformMinCertification) {

    public Interpretations {
        Checks.required(microTier, "interpretations.microTier");
        EnumMap<PlatformKind, CertificationLevel> copy = new EnumMap<>(PlatformKind.class);
        copy.put(PlatformKind.INDUSTRY_INSTITUTE, CertificationLevel.NONE);
        copy.put(PlatformKind.INNOVATION_COMMUNITY, CertificationLevel.CITY);
        copy.put(PlatformKind.INDUSTRY_ALLIANCE, CertificationLevel.CITY);
        if (platformMinCertification != null) {
            for (Map.Entry<PlatformKind, CertificationLevel> e : platformMinCertification.entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    copy.put(e.getKey(), e.getValue());
                }
            }
        }
        platformMinCertification = Collections.unmodifiableMap(copy);
    }

    /** Minimum certification a platform of this kind needs. */
    public CertificationLevel minCertification(PlatformKind kind) {
        return platformMinCertification.get(kind);
    }
}
