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
        Interpretations in = policy.interpretations();
        boolean joint = mode == BuildMode.JOINT;
        boolean industry = mode == BuildMode.INDUSTRY;
        boolean capacityApplies = !industry || in.industryCapacityRequired();
        boolean cooperationApplies = !industry || in.industryCooperationRequired();

        List<Participant> participants = distinct(facts.participants());
        int n = participants.size();
        List<Criterion> criteria = new ArrayList<>(capacityApplies ? 4 + 5 * n : 5);

        // PARTICIPANT_COUNT: distinct credit codes.
        int requiredCount = joint ? 2 : 1;
        boolean countMet = mode == BuildMode.SINGLE ? n == 1 : n >= requiredCount;
        criteria.add(new Criterion(CriterionCode.PARTICIPANT_COUNT, null, requiredCount, n, countMet));

        // Per participant: the capacity criteria against the participant's own column.
        SizeClassification sizes = policy.sizeClassification();
        SizeClass[] sizeClasses = new SizeClass[n];
        boolean[] ownMet = new boolean[n];
        int ownMetCount = 0;
        Capacity capacity = facts.capacity();
        int divisor = joint ? Math.max(n, 1) : 1;
        BigDecimal equipmentShown = null;
        BigDecimal rdShown = null;
        BigDecimal floorShown = null;
        if (capacityApplies && capacity != null) {
            equipmentShown = shown(capacity.equipmentValue(), divisor);
            rdShown = shown(capacity.rdExpenditure(), divisor);
            floorShown = shown(capacity.floorArea(), divisor);
        }
        for (int i = 0; i < n; i++) {
            Participant p = participants.get(i);
            SizeClass sizeClass = sizes.classify(p.employees(), p.revenue());
            sizeClasses[i] = sizeClass;
            boolean met = true;
            if (capacityApplies) {
                Standard standard = policy.standards().get(policy.tierFor(sizeClass));
                met = capacityCriteria(criteria, p.creditCode(), standard, capacity, divisor,
                        equipmentShown, rdShown, floorShown);
            }
            ownMet[i] = met;
            if (met) {
                ownMetCount++;
            }
        }

        // Institution-wide criteria.
        boolean wideMet = countMet;
        if (cooperationApplies) {
            int valid = validCooperations(facts.cooperations(), asOf);
            boolean met = valid >= policy.minCooperations();
            criteria.add(new Criterion(CriterionCode.ACADEMIC_COOPERATION, null, policy.minCooperations(), valid, met));
            wideMet &= met;
        }
        if (capacityApplies) {
            boolean rules = capacity != null && capacity.hasRules();
            criteria.add(new Criterion(CriterionCode.RULES_IN_PLACE, null, Boolean.TRUE,
                    capacity == null ? null : Boolean.valueOf(capacity.hasRules()), rules));
            boolean funding = capacity != null && capacity.hasStableFunding();
            criteria.add(new Criterion(CriterionCode.STABLE_FUNDING, null, Boolean.TRUE,
                    capacity == null ? null : Boolean.valueOf(capacity.hasStableFunding()), funding));
            wideMet &= rules & funding;
        }
        if (industry) {
            wideMet &= platformCriterion(criteria, facts.platform(), in);
            wideMet &= agreementCriterion(criteria, facts.serviceAgreement(), asOf);
        }

        boolean qualified;
        if (joint && !in.jointRequiresEveryParticipant()) {
            qualified = wideMet && ownMetCount >= 1;
        } else {
            qualified = wideMet && ownMetCount == n;
        }

        // Outcome and award per participant.
        List<ParticipantResult> results = new ArrayList<>(n);
        boolean subsidisedMode = !industry || in.industryModeSubsidised();
        for (int i = 0; i < n; i++) {
            Participant p = participants.get(i);
            SizeClass sizeClass = sizeClasses[i];
            Tier tier = policy.tierFor(sizeClass);
            boolean participantQualified = joint ? ownMet[i] && wideMet : qualified;
            SubsidyReason reason;
            if (!(qualified && participantQualified)) {
                reason = SubsidyReason.NOT_QUALIFIED;
            } else if (!subsidisedMode) {
                reason = SubsidyReason.MODE_NOT_SUBSIDISED;
            } else if (!policy.aboveDesignatedSize(p)) {
                reason = SubsidyReason.NOT_ABOVE_DESIGNATED_SIZE;
            } else if (p.previouslyAwarded()) {
                reason = SubsidyReason.ALREADY_AWARDED;
            } else {
                reason = null;
            }
            results.add(new ParticipantResult(p.creditCode(), sizeClass, capacityApplies ? tier : null,
                    participantQualified, reason == null ? tier : null,
                    reason == null ? policy.awards().get(tier) : BigDecimal.ZERO, reason));
        }
        return new Result(qualified, policy.id(), asOf, mode, results, criteria);
    }

    /**
     * The participants with distinct credit codes, first occurrence wins, in input order; validates each one.
     * Returns the given list itself when it has no duplicates.
     */
    private static List<Participant> distinct(List<Participant> list) {
        int size = list.size();
        for (int i = 0; i < size; i++) {
            Participant p = list.get(i);
            if (p.creditCode() == null || p.creditCode().isBlank()) {
                throw new IllegalArgumentException("participants[" + i + "].creditCode is required");
            }
            if (p.revenue() == null) {
                throw new IllegalArgumentException("participants[" + i + "].revenue is required");
            }
            if (p.revenue().signum() < 0 || p.employees() < 0) {
                throw new IllegalArgumentException("participants[" + i + "] figures must not be negative");
            }
        }
        if (size < 2) {
            return list;
        }
        List<Participant> out = null;
        Set<String> seen = size > SMALL_LIST ? new HashSet<>() : null;
        for (int i = 0; i < size; i++) {
            Participant p = list.get(i);
            boolean duplicate;
            if (seen != null) {
                duplicate = !seen.add(p.creditCode());
            } else {
                duplicate = false;
                for (int j = 0; j < i; j++) {
                    if (list.get(j).creditCode().equals(p.creditCode())) {
                        duplicate = true;
                        break;
                    }
                }
            }
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

    /** PERSONNEL, EQUIPMENT_VALUE, RD_EXPENDITURE, FLOOR_AREA, PROJECT_COUNT; true when all are met. */
    private static boolean capacityCriteria(List<Criterion> out, String creditCode, Standard standard,
            Capacity capacity, int divisor, BigDecimal equipmentShown, BigDecimal rdShown, BigDecimal floorShown) {
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
                standard.equipmentValue(), capacity.equipmentValue(), equipmentShown, divisor);
        boolean rd = amountCriterion(out, CriterionCode.RD_EXPENDITURE, creditCode,
                standard.rdExpenditure(), capacity.rdExpenditure(), rdShown, divisor);
        boolean floor = amountCriterion(out, CriterionCode.FLOOR_AREA, creditCode,
                standard.floorArea(), capacity.floorArea(), floorShown, divisor);
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
