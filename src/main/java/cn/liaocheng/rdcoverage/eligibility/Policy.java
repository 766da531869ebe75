package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version of the policy parameters (OpenFisca style). Versions are immutable; every result names the
 * version it was evaluated with. All bounds are inclusive (以上/不低于/不少于 include the number).
 *
 * @param id                          version id, e.g. {@code liaocheng-2020}
 * @param effectiveFrom               first day the version applies
 * @param title                       title of the source document
 * @param sizeClassification          size class bounds
 * @param aboveDesignatedSizeRevenue  revenue (yuan) from which an enterprise is above designated size (规上)
 *                                    when its figures do not say so
 * @param minCooperations             minimum number of valid academic cooperations
 * @param standards                   construction standard, one column per tier (all three required)
 * @param awards                      one-time award in yuan per tier (all three required)
 * @param interpretations             the choices made where the text is ambiguous
 * @param references                  per parameter (its name, or {@code interpretations.<name>}), the clause of the
 *                                    policy text it comes from, e.g. {@code "awards": "六（二）…"}; not read by
 *                                    {@link Eligibility}, shown with the policy and cited by explanations
 */
public record Policy(String id, LocalDate effectiveFrom, String title, SizeClassification sizeClassification,
        BigDecimal aboveDesignatedSizeRevenue, int minCooperations, Map<Tier, Standard> standards,
        Map<Tier, BigDecimal> awards, Interpretations interpretations, Map<String, String> references) {

    public Policy {
        Checks.required(id, "id");
        Checks.required(effectiveFrom, "effectiveFrom");
        Checks.required(sizeClassification, "sizeClassification");
        Checks.nonNegative(aboveDesignatedSizeRevenue, "aboveDesignatedSizeRevenue");
        Checks.nonNegative(minCooperations, "minCooperations");
        standards = Checks.everyTier(standards, "standards");
        awards = Checks.everyTier(awards, "awards");
        for (Map.Entry<Tier, BigDecimal> e : awards.entrySet()) {
            Checks.nonNegative(e.getValue(), "awards." + e.getKey());
        }
        Checks.required(interpretations, "interpretations");
        references = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.required(references, "references")));
    }

    /** The clause a parameter comes from ({@link #references()}), or null when the document gives none. */
    public String reference(String parameter) {
        return references.get(parameter);
    }

    /** The standard and award column of a size class: its own, or {@code interpretations.microTier} for MICRO. */
    public Tier tierFor(SizeClass sizeClass) {
        switch (sizeClass) {
            case LARGE:
                return Tier.LARGE;
            case MEDIUM:
                return Tier.MEDIUM;
            case SMALL:
                return Tier.SMALL;
            default:
                return interpretations.microTier();
        }
    }

    /**
     * Above designated size (规上): as reported when the participant says so, else derived as
     * revenue &ge; {@link #aboveDesignatedSizeRevenue()}.
     */
    public boolean aboveDesignatedSize(Participant participant) {
        Boolean reported = participant.aboveDesignatedSize();
        if (reported != null) {
            return reported;
        }
        BigDecimal revenue = participant.revenue();
        return revenue != null && revenue.compareTo(aboveDesignatedSizeRevenue) >= 0;
    }
}
