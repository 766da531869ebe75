package cn.liaocheng.rdcoverage.eligibility;

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
 * @param platformMinCertification     INDUSTRY: minimum certification per platform kind, one for every kind (no
 *                                      default: a document without one is refused)
 */
public record Interpretations(Tier microTier, boolean jointRequiresEveryParticipant, boolean industryCapacityRequired,
        boolean industryCooperationRequired, boolean industryModeSubsidised,
        Map<PlatformKind, CertificationLevel> platformMinCertification) {

    public Interpretations {
        Checks.required(microTier, "interpretations.microTier");
        platformMinCertification = Checks.everyKey(platformMinCertification, PlatformKind.class,
                "interpretations.platformMinCertification");
    }

    /** Whether the construction standard's capacity (thresholds, rules, funding) applies to a build mode: always outside INDUSTRY. */
    public boolean capacityApplies(BuildMode mode) {
        return mode != BuildMode.INDUSTRY || industryCapacityRequired;
    }

    /** Whether academic cooperation is required of a build mode: always outside INDUSTRY. */
    public boolean cooperationApplies(BuildMode mode) {
        return mode != BuildMode.INDUSTRY || industryCooperationRequired;
    }

    /** Whether a qualified institution of a build mode earns the one-time award: always outside INDUSTRY. */
    public boolean subsidised(BuildMode mode) {
        return mode != BuildMode.INDUSTRY || industryModeSubsidised;
    }

    /** Minimum certification a platform of this kind needs. */
    public CertificationLevel minCertification(PlatformKind kind) {
        return platformMinCertification.get(kind);
    }
}
