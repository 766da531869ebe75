package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ProblemLanguage;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.eligibility.Tier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An award's basis: how its amount was reached (which policy version and tier, which county rule, who proposed it by
 * hand and why), for people, in English and in Chinese (ProblemMessages bundle, keys {@code basis.*}). Both texts are
 * stored with the award (at most {@value #MAX} characters each) and the API answers the client's language.
 */
final class AwardBasis {
    /** Characters of each stored text (the columns {@code basis} and {@code basis_zh}). */
    static final int MAX = 500;

    private AwardBasis() {
    }

    /** The city's first-recognition award (the action plan, 六(二) 强化政策支持: the policy version's amount for the tier). */
    static FieldMessage city(String policyId, Tier tier, SizeClass sizeClass, LocalDate decidedOn, boolean paidOverride) {
        String english = "policy " + policyId + ": " + tier + " tier, size class " + sizeClass + ", first recognition on "
                + decidedOn;
        return paidOverride
                ? FieldMessage.of(english + " (recognised by override, paid as rd.awards.pay-overridden is on)",
                        "basis.city.override", policyId, tier(tier), size(sizeClass), decidedOn)
                : FieldMessage.of(english, "basis.city", policyId, tier(tier), size(sizeClass), decidedOn);
    }

    /** A county supplement of a fixed amount for the tier. */
    static FieldMessage countyFixed(String regionCode, LocalDate effectiveFrom, Tier tier) {
        return FieldMessage.of("county " + regionCode + " supplement from " + effectiveFrom + ": fixed amount for the "
                + tier + " tier", "basis.county.fixed", regionCode, effectiveFrom, tier(tier));
    }

    /** A county supplement of a percentage of the city's award. */
    static FieldMessage countyPercent(String regionCode, LocalDate effectiveFrom, BigDecimal percentOfCity) {
        String percent = percentOfCity.stripTrailingZeros().toPlainString();
        return FieldMessage.of("county " + regionCode + " supplement from " + effectiveFrom + ": " + percent
                + "% of the city award", "basis.county.percent", regionCode, effectiveFrom, percent);
    }

    /** A city award proposed by hand: who (subject, role), why (as typed), and the policy's tier. */
    static FieldMessage manualCity(String subject, String role, String reason, String policyId, Tier tier, SizeClass sizeClass) {
        return FieldMessage.of("manual proposal by " + subject + " (" + role + "): " + reason + "; policy " + policyId
                + ": " + tier + " tier, size class " + sizeClass, "basis.manual.city", subject, role, reason, policyId,
                tier(tier), size(sizeClass));
    }

    /** A county supplement proposed by hand: who, why, and the county rule in force. */
    static FieldMessage manualCounty(String subject, String role, String reason, String regionCode, LocalDate effectiveFrom) {
        return FieldMessage.of("manual proposal by " + subject + " (" + role + "): " + reason + "; county " + regionCode
                + " supplement from " + effectiveFrom, "basis.manual.county", subject, role, reason, regionCode, effectiveFrom);
    }

    /** Stores both texts of {@code basis} on {@code award}, each cut to {@value #MAX} characters. */
    static void store(Award award, FieldMessage basis) {
        award.basis = cut(basis.english());
        award.basisZh = cut(ProblemLanguage.message(basis, ProblemLanguage.CHINESE));
    }

    private static String cut(String text) {
        return text.length() > MAX ? text.substring(0, MAX) : text;
    }

    private static FieldMessage tier(Tier tier) {
        return tier == null ? FieldMessage.of("-", "basis.none") : FieldMessage.of(tier.name(), "basis.tier." + tier.name());
    }

    private static FieldMessage size(SizeClass sizeClass) {
        return sizeClass == null ? FieldMessage.of("-", "basis.none")
                : FieldMessage.of(sizeClass.name(), "basis.size." + sizeClass.name());
    }
}
