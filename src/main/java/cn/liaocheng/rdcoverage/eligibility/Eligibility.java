package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The eligibility rules of the construction standard (研发机构建设标准) and of the one-time award, as a pure
 * function: no framework, no clock, no database. The evaluation date is an argument; everything that
 * could be read more than one way is a parameter of the {@link Policy}.
 *
 * <p>All bounds are inclusive. Amounts are compared exactly ({@link BigDecimal#compareTo}); in JOINT mode an
 * average is compared as {@code total >= required * n}, so no rounding takes part in the decision.
 */
public final class Eligibility {

    /** Participants up to this count are de-duplicated by a quadratic scan, larger lists with a set. */
    private static final int SMALL_LIST = 16;

    private Eligibility() {
    }

    /**
     * Evaluates the facts of one institution against one policy version on one date.
     *
     * @throws IllegalArgumentException when an argument or a required fact (build mode, a participant's credit
     *                                  code or revenue) is missing or negative
     */
    public static Result evaluate(Facts facts, Policy policy, LocalDate asOf) {
        Checks.required(facts, "facts");
        Checks.required(policy, "policy");
        Checks.required(asOf, "asOf");
        BuildMode mode = Checks.required(facts.buildMode(), "buildMode");
        Applicability applies = Applicability.of(mode, policy.interpretations());

        List<Participant> participants = distinct(facts.participants());
        int n = participants.size();
        List<Criterion> criteria = new ArrayList<>(applies.capacity() ? 4 + 5 * n : 5);

        boolean countMet = participantCountCriterion(criteria, mode, n);
        List<OwnAssessment> own = ownCapacity(criteria, participants, facts.capacity(), policy, applies);
        boolean institutionMet = institutionCriteria(criteria, facts, policy, applies, asOf);
        boolean wideMet = countMet && institutionMet;
        boolean qualified = qualified(own, wideMet, applies, policy.interpretations());

        List<ParticipantResult> results = new ArrayList<>(n);
        for (OwnAssessment assessment : own) {
            results.add(participantResult(assessment, qualified, wideMet, applies, policy));
        }
        return new Result(qualified, policy.id(), asOf, mode, results, criteria);
    }

    /**
     * Which groups of criteria apply to a build mode under a policy's interpretations: capacity and academic
     * cooperation always apply outside INDUSTRY mode, and in INDUSTRY mode only when the policy requires them.
     */
    private record Applicability(boolean joint, boolean industry, boolean capacity, boolean cooperation,
            boolean subsidised) {

        static Applicability of(BuildMode mode, Interpretations in) {
            return new Applicability(mode == BuildMode.JOINT, mode == BuildMode.INDUSTRY, in.capacityApplies(mode),
                    in.cooperationApplies(mode), in.subsidised(mode));
        }

        /** The number of participants an amount is averaged over: all of them in JOINT mode, else 1. */
        int divisor(int participants) {
            return joint ? Math.max(participants, 1) : 1;
        }
    }

    /** One participant with its size class and whether its own capacity criteria are met. */
    private record OwnAssessment(Participant participant, SizeClass sizeClass, boolean ownMet) {
    }

    /** The amounts reported as actual values for every participant: totals, or averages in JOINT mode. */
    private record ShownAmounts(BigDecimal equipmentValue, BigDecimal rdExpenditure, BigDecimal floorArea) {

        static final ShownAmounts NONE = new ShownAmounts(null, null, null);

        static ShownAmounts of(Capacity capacity, int divisor) {
            return new ShownAmounts(shown(capacity.equipmentValue(), divisor),
                    shown(capacity.rdExpenditure(), divisor),
                    shown(capacity.floorArea(), divisor));
        }
    }

    /** PARTICIPANT_COUNT over distinct credit codes: exactly 1 in SINGLE mode, at least 2 in JOINT, else 1. */
    private static boolean participantCountCriterion(List<Criterion> out, BuildMode mode, int n) {
        int requiredCount = mode == BuildMode.JOINT ? 2 : 1;
        boolean countMet = mode == BuildMode.SINGLE ? n == 1 : n >= requiredCount;
        out.add(new Criterion(CriterionCode.PARTICIPANT_COUNT, null, requiredCount, n, countMet));
        return countMet;
    }

    /** Classifies each participant and, when capacity applies, checks the capacity against its tier's standard. */
    private static List<OwnAssessment> ownCapacity(List<Criterion> out, List<Participant> participants,
            Capacity capacity, Policy policy, Applicability applies) {
        int n = participants.size();
        int divisor = applies.divisor(n);
        ShownAmounts shown = applies.capacity() && capacity != null
                ? ShownAmounts.of(capacity, divisor)
                : ShownAmounts.NONE;
        SizeClassification sizes = policy.sizeClassification();
        List<OwnAssessment> own = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Participant p = participants.get(i);
            SizeClass sizeClass = sizes.classify(p.employees(), p.revenue());
            boolean met = true;
            if (applies.capacity()) {
                Standard standard = policy.standards().get(policy.tierFor(sizeClass));
                met = capacityCriteria(out, p.creditCode(), standard, capacity, divisor, shown);
            }
            own.add(new OwnAssessment(p, sizeClass, met));
        }
        return own;
    }

    /** ACADEMIC_COOPERATION, RULES_IN_PLACE, STABLE_FUNDING and the INDUSTRY criteria; true when all are met. */
    private static boolean institutionCriteria(List<Criterion> out, Facts facts, Policy policy,
            Applicability applies, LocalDate asOf) {
        boolean met = true;
        if (applies.cooperation()) {
            met &= cooperationCriterion(out, facts.cooperations(), policy.minCooperations(), asOf);
        }
        if (applies.capacity()) {
            met &= governanceCriteria(out, facts.capacity());
        }
        if (applies.industry()) {
            met &= platformCriterion(out, facts.platform(), policy.interpretations());
            met &= agreementCriterion(out, facts.serviceAgreement(), asOf);
        }
        return met;
    }

    private static boolean cooperationCriterion(List<Criterion> out, List<Cooperation> cooperations,
            int minCooperations, LocalDate asOf) {
        int valid = validCooperations(cooperations, asOf);
        boolean met = valid >= minCooperations;
        out.add(new Criterion(CriterionCode.ACADEMIC_COOPERATION, null, minCooperations, valid, met));
        return met;
    }

    /** RULES_IN_PLACE and STABLE_FUNDING; both unmet, with no actual value, when the capacity is missing. */
    private static boolean governanceCriteria(List<Criterion> out, Capacity capacity) {
        boolean rules = capacity != null && capacity.hasRules();
        out.add(new Criterion(CriterionCode.RULES_IN_PLACE, null, Boolean.TRUE,
                capacity == null ? null : Boolean.valueOf(capacity.hasRules()), rules));
        boolean funding = capacity != null && capacity.hasStableFunding();
        out.add(new Criterion(CriterionCode.STABLE_FUNDING, null, Boolean.TRUE,
                capacity == null ? null : Boolean.valueOf(capacity.hasStableFunding()), funding));
        return rules & funding;
    }

    /**
     * The institution qualifies when the institution-wide criteria are met and every participant meets its own
     * capacity criteria, or in JOINT mode without {@code jointRequiresEveryParticipant} at least one does.
     */
    private static boolean qualified(List<OwnAssessment> own, boolean wideMet, Applicability applies,
            Interpretations in) {
        int ownMetCount = 0;
        for (OwnAssessment assessment : own) {
            if (assessment.ownMet()) {
                ownMetCount++;
            }
        }
        if (applies.joint() && !in.jointRequiresEveryParticipant()) {
            return wideMet && ownMetCount >= 1;
        }
        return wideMet && ownMetCount == own.size();
    }

    /** The outcome and award of one participant: the tier's amount, or zero with the reason there is none. */
    private static ParticipantResult participantResult(OwnAssessment assessment, boolean qualified, boolean wideMet,
            Applicability applies, Policy policy) {
        Participant p = assessment.participant();
        Tier tier = policy.tierFor(assessment.sizeClass());
        boolean participantQualified = applies.joint() ? assessment.ownMet() && wideMet : qualified;
        SubsidyReason reason = subsidyReason(p, qualified && participantQualified, applies, policy);
        return new ParticipantResult(p.creditCode(), assessment.sizeClass(), applies.capacity() ? tier : null,
                participantQualified, reason == null ? tier : null,
                reason == null ? policy.awards().get(tier) : BigDecimal.ZERO, reason);
    }

    /** Why a participant receives no award, checked in this order; null when it receives one. */
    private static SubsidyReason subsidyReason(Participant p, boolean qualified, Applicability applies,
            Policy policy) {
        if (!qualified) {
            return SubsidyReason.NOT_QUALIFIED;
        }
        if (!applies.subsidised()) {
            return SubsidyReason.MODE_NOT_SUBSIDISED;
        }
        if (!policy.aboveDesignatedSize(p)) {
            return SubsidyReason.NOT_ABOVE_DESIGNATED_SIZE;
        }
        if (p.previouslyAwarded()) {
            return SubsidyReason.ALREADY_AWARDED;
        }
        if (p.previouslyRecognized()) {
            return SubsidyReason.NOT_FIRST_RECOGNITION;
        }
        return null;
    }

    /**
     * The participants with distinct credit codes, first occurrence wins, in input order; validates each one.
     * Returns the given list itself when it has no duplicates.
     */
    private static List<Participant> distinct(List<Participant> list) {
        int size = list.size();
        for (int i = 0; i < size; i++) {
            validate(list.get(i), i);
        }
        if (size < 2) {
            return list;
        }
        List<Participant> out = null;
        Set<String> seen = size > SMALL_LIST ? new HashSet<>() : null;
        for (int i = 0; i < size; i++) {
            Participant p = list.get(i);
            boolean duplicate = seen != null ? !seen.add(p.creditCode()) : seenBefore(list, i);
            if (duplicate) {
                if (out == null) {
                    out = new ArrayList<>(list.subList(0, i));
                }
            } else if (out != null) {
                out.add(p);
            }
        }
        return out == null ? list : out;
    }

    /** A participant needs a credit code and a revenue, and no negative figure. */
    private static void validate(Participant p, int index) {
        if (p.creditCode() == null || p.creditCode().isBlank()) {
            throw new IllegalArgumentException("participants[" + index + "].creditCode is required");
        }
        if (p.revenue() == null) {
            throw new IllegalArgumentException("participants[" + index + "].revenue is required");
        }
        if (p.revenue().signum() < 0 || p.employees() < 0) {
            throw new IllegalArgumentException("participants[" + index + "] figures must not be negative");
        }
    }

    /** Whether the credit code at index occurs earlier in the list: the quadratic scan for short lists. */
    private static boolean seenBefore(List<Participant> list, int index) {
        String creditCode = list.get(index).creditCode();
        for (int j = 0; j < index; j++) {
            if (list.get(j).creditCode().equals(creditCode)) {
                return true;
            }
        }
        return false;
    }

    /** PERSONNEL, EQUIPMENT_VALUE, RD_EXPENDITURE, FLOOR_AREA, PROJECT_COUNT; true when all are met. */
    private static boolean capacityCriteria(List<Criterion> out, String creditCode, Standard standard,
            Capacity capacity, int divisor, ShownAmounts shown) {
        if (capacity == null) {
            out.add(new Criterion(CriterionCode.PERSONNEL, creditCode, standard.personnel(), null, false));
            out.add(new Criterion(CriterionCode.EQUIPMENT_VALUE, creditCode, standard.equipmentValue(), null, false));
            out.add(new Criterion(CriterionCode.RD_EXPENDITURE, creditCode, standard.rdExpenditure(), null, false));
            out.add(new Criterion(CriterionCode.FLOOR_AREA, creditCode, standard.floorArea(), null, false));
            out.add(new Criterion(CriterionCode.PROJECT_COUNT, creditCode, standard.projectCount(), null, false));
            return false;
        }
        boolean personnel = capacity.personnel() >= standard.personnel();
        out.add(new Criterion(CriterionCode.PERSONNEL, creditCode, standard.personnel(), capacity.personnel(),
                personnel));
        boolean equipment = amountCriterion(out, CriterionCode.EQUIPMENT_VALUE, creditCode,
                standard.equipmentValue(), capacity.equipmentValue(), shown.equipmentValue(), divisor);
        boolean rd = amountCriterion(out, CriterionCode.RD_EXPENDITURE, creditCode,
                standard.rdExpenditure(), capacity.rdExpenditure(), shown.rdExpenditure(), divisor);
        boolean floor = amountCriterion(out, CriterionCode.FLOOR_AREA, creditCode,
                standard.floorArea(), capacity.floorArea(), shown.floorArea(), divisor);
        boolean projects = capacity.projectCount() >= standard.projectCount();
        out.add(new Criterion(CriterionCode.PROJECT_COUNT, creditCode, standard.projectCount(),
                capacity.projectCount(), projects));
        return personnel & equipment & rd & floor & projects;
    }

    /** Met when {@code total >= required * divisor}: an exact comparison of the average with the bound. */
    private static boolean amountCriterion(List<Criterion> out, CriterionCode code, String creditCode,
            BigDecimal required, BigDecimal total, BigDecimal shown, int divisor) {
        boolean met = total != null && total.compareTo(
                divisor == 1 ? required : required.multiply(BigDecimal.valueOf(divisor))) >= 0;
        out.add(divisor == 1 ? new Criterion(code, creditCode, required, shown, met)
                : new Criterion(code, creditCode, required, shown, met, code.unit(), total, divisor));
        return met;
    }

    /** The value reported as actual: the total itself, or in JOINT mode the average over the participants. */
    private static BigDecimal shown(BigDecimal total, int divisor) {
        if (total == null || divisor == 1) {
            return total;
        }
        BigDecimal average = total.divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return average.scale() < 0 ? average.setScale(0) : average;
    }

    /** Cooperations with an academic partner, signed on or before asOf, still in force, with activities. */
    private static int validCooperations(List<Cooperation> cooperations, LocalDate asOf) {
        int valid = 0;
        for (int i = 0, size = cooperations.size(); i < size; i++) {
            Cooperation c = cooperations.get(i);
            if (academic(c.partnerKind()) && inForce(c.signedOn(), c.validUntil(), asOf)
                    && c.activities() != null && !c.activities().isBlank()) {
                valid++;
            }
        }
        return valid;
    }

    private static boolean academic(PartnerKind kind) {
        return kind == PartnerKind.UNIVERSITY || kind == PartnerKind.RESEARCH_INSTITUTE;
    }

    /** signedOn <= asOf and (validUntil absent or validUntil >= asOf); a missing signing date is not in force. */
    private static boolean inForce(LocalDate signedOn, LocalDate validUntil, LocalDate asOf) {
        return signedOn != null && !signedOn.isAfter(asOf) && (validUntil == null || !validUntil.isBefore(asOf));
    }

    private static boolean platformCriterion(List<Criterion> out, Platform platform, Interpretations in) {
        PlatformKind kind = platform == null ? null : platform.kind();
        CertificationLevel level = platform == null || platform.certificationLevel() == null
                ? CertificationLevel.NONE
                : platform.certificationLevel();
        String required;
        boolean met;
        if (kind == null) {
            required = "one of " + requiredPlatform(PlatformKind.INDUSTRY_INSTITUTE, in) + "; "
                    + requiredPlatform(PlatformKind.INNOVATION_COMMUNITY, in) + "; "
                    + requiredPlatform(PlatformKind.INDUSTRY_ALLIANCE, in);
            met = false;
        } else {
            required = requiredPlatform(kind, in);
            met = level.atLeast(in.minCertification(kind));
        }
        String actual = platform == null ? null : (kind == null ? "UNKNOWN" : kind.name()) + " " + level.name();
        out.add(new Criterion(CriterionCode.PLATFORM_ELIGIBLE, null, required, actual, met));
        return met;
    }

    private static String requiredPlatform(PlatformKind kind, Interpretations in) {
        CertificationLevel minimum = in.minCertification(kind);
        return minimum == CertificationLevel.NONE
                ? kind.name()
                : kind.name() + " certified " + minimum.name() + " or higher";
    }

    private static boolean agreementCriterion(List<Criterion> out, ServiceAgreement agreement, LocalDate asOf) {
        boolean met = agreement != null && inForce(agreement.signedOn(), agreement.validUntil(), asOf);
        String actual = agreement == null
                ? null
                : text(agreement.signedOn()) + ".." + text(agreement.validUntil());
        out.add(new Criterion(CriterionCode.SERVICE_AGREEMENT_VALID, null, "in force on " + asOf, actual, met));
        return met;
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
