package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Localisable;
import cn.liaocheng.rdcoverage.common.ProblemLanguage;
import cn.liaocheng.rdcoverage.common.RdConfig;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.eligibility.ParticipantResult;
import cn.liaocheng.rdcoverage.eligibility.Policy;
import cn.liaocheng.rdcoverage.eligibility.Result;
import cn.liaocheng.rdcoverage.eligibility.SubsidyReason;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import cn.liaocheng.rdcoverage.enterprise.CreditCode;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.institution.InstitutionStatus;
import cn.liaocheng.rdcoverage.policy.Policies;
import cn.liaocheng.rdcoverage.security.Caller;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where an award's amount is decided (先建后补): the proposals a recognition earns (the city's first-recognition award
 * of the participant's tier, in yuan from the policy in force on the decision date, and the county supplement where
 * the county's award policy is in force), and the manual proposal of finance or the city. Never twice per enterprise
 * and program (不重复支持: the unique award key; 409 {@code already-awarded} for a manual one). A participant without an
 * award gets a {@link Note} saying why, citing the policy parameter and clause.
 */
@ApplicationScoped
public class AwardProposals {
    @Inject
    Changes changes; // the change feed (issue 16)

    @Inject Caller caller;
    @Inject Clock clock;

    /** Programme parameters: {@code rd.awards.pay-overridden} (whether a recognition by override is paid). */
    @Inject RdConfig rd;
    @Inject Policies policies;

    /**
     * Why a participant of a recognition got no award (reason: a {@link SubsidyReason}, ALREADY_AWARDED or
     * OVERRIDE_NOT_PAID); the detail follows Accept-Language (Chinese from the ProblemMessages bundle, keys
     * {@code note.<reason>}; English as written here).
     */
    @Schema(name = "AwardNote")
    public record Note(String creditCode, String reason, @Schema(nullable = true) String detail,
                       @JsonIgnore @Schema(hidden = true) FieldMessage localised) implements Localisable {
        Note(String creditCode, String reason, FieldMessage detail) {
            this(creditCode, reason, detail == null ? null : detail.english(), detail);
        }

        @Override
        public Note in(Locale locale) {
            return localised == null ? this : new Note(creditCode, reason, ProblemLanguage.message(localised, locale), localised);
        }
    }

    /** A manual award proposal (corrections): program, enterprise, the recognised institution it concerns, and why. */
    @Schema(name = "ManualAwardProposal")
    public record ManualProposal(@NotNull Award.Program program,
                                 @NotBlank String creditCode,
                                 @NotBlank String institutionId,
                                 @NotBlank @Size(max = 1000) String reason) {
    }

    /** The recognition the proposals come from. */
    private record Recognition(UUID institutionId, UUID applicationId, String policyId, LocalDate decidedOn,
                               Instant now, boolean overridden) {
    }

    /**
     * Proposes the awards a recognition earns: the city's first-recognition award for each participant the
     * eligibility result gives a tier, and the county supplement where one is in force. Runs inside the
     * recognition's transaction; each enterprise row is locked so that concurrent recognitions queue, and the
     * unique award key makes a second award impossible even so. Returns, for each participant without an award, why.
     * A recognition by override ({@code overridden}) pays a participant that only failed the standard when
     * {@code rd.awards.pay-overridden} is on (the award of its size class's tier); the other reasons still pay nothing.
     */
    public List<Note> proposeOnRecognition(UUID institutionId, UUID applicationId, Result result, LocalDate decidedOn,
                                           boolean overridden) {
        Recognition r = new Recognition(institutionId, applicationId, result.policyId(), decidedOn, Instant.now(clock), overridden);
        List<Note> notes = new ArrayList<>();
        for (ParticipantResult p : result.participants()) {
            Enterprise.lockForUpdate(p.creditCode()); // serialises award decisions per enterprise
            Note note = propose(p, Enterprise.findById(p.creditCode()), r);
            if (note != null) {
                notes.add(note);
            }
        }
        return notes;
    }

    /** The awards of one participant, or why it gets none. */
    private Note propose(ParticipantResult p, Enterprise e, Recognition r) {
        boolean onlyFailedTheStandard = r.overridden() && p.subsidyTier() == null
                && p.subsidyReason() == SubsidyReason.NOT_QUALIFIED && p.standardTier() != null;
        if (onlyFailedTheStandard && rd.awards().payOverridden()) {
            BigDecimal amount = policies.inForce(r.decidedOn()).awards().get(p.standardTier());
            p = new ParticipantResult(p.creditCode(), p.sizeClass(), p.standardTier(), p.qualified(), p.standardTier(),
                    amount, null);
        } else if (onlyFailedTheStandard) {
            return new Note(p.creditCode(), "OVERRIDE_NOT_PAID", FieldMessage.of("recognised by override although the "
                    + "institution does not meet the standard; the programme parameter rd.awards.pay-overridden is off (the "
                    + "default), so no award is proposed. Finance or the city can propose one with POST /api/v1/awards and "
                    + "a reason", "note.OVERRIDE_NOT_PAID"));
        }
        if (p.subsidyTier() == null) {
            return new Note(p.creditCode(), p.subsidyReason() == null ? null : p.subsidyReason().name(),
                    explain(p, r.policyId()));
        }
        String cityKey = Award.key(Award.Program.CITY_FIRST_RECOGNITION, p.creditCode());
        Award existing = existing(cityKey);
        if (existing != null) {
            return new Note(p.creditCode(), "ALREADY_AWARDED", FieldMessage.of("award " + existing.id + " ("
                    + existing.status + ") was already proposed for this enterprise; an enterprise is supported once "
                    + "(不重复支持)", "note.ALREADY_AWARDED.award", existing.id, existing.status));
        }
        Award city = cityAward(p, e, r, cityKey, onlyFailedTheStandard);
        countySupplement(city, e, r);
        return null;
    }

    private Award cityAward(ParticipantResult p, Enterprise e, Recognition r, String key, boolean paidOverride) {
        Award city = newAward(Award.Program.CITY_FIRST_RECOGNITION, e, r.institutionId(), r.applicationId(), r.decidedOn(), r.now());
        city.sizeClass = p.sizeClass();
        city.tier = p.subsidyTier();
        city.amount = p.subsidyAmount();
        city.policyId = r.policyId();
        AwardBasis.store(city, AwardBasis.city(r.policyId(), p.subsidyTier(), p.sizeClass(), r.decidedOn(), paidOverride));
        city.awardKey = key;
        city.persistAndFlush();
        changes.recorded(EventType.AWARD_PROPOSED, city.id, AwardView.of(city));
        return city;
    }

    /** The county supplement to {@code city}, when the enterprise's county has an award policy giving more than 0. */
    private void countySupplement(Award city, Enterprise e, Recognition r) {
        CountyAwardPolicy county = countyPolicy(e.regionCode, r.decidedOn());
        if (county == null) {
            return;
        }
        BigDecimal amount = supplement(county, city.tier, city.amount);
        String key = Award.key(Award.Program.COUNTY_SUPPLEMENT, e.creditCode);
        if (amount.signum() > 0 && Award.count("awardKey", key) == 0) {
            Award s = newAward(Award.Program.COUNTY_SUPPLEMENT, e, r.institutionId(), r.applicationId(), r.decidedOn(), r.now());
            s.sizeClass = city.sizeClass;
            s.tier = city.tier;
            s.amount = amount;
            s.policyId = r.policyId();
            AwardBasis.store(s, county.mode == CountyAwardPolicy.Mode.FIXED
                    ? AwardBasis.countyFixed(e.regionCode, county.effectiveFrom, city.tier)
                    : AwardBasis.countyPercent(e.regionCode, county.effectiveFrom, county.percentOfCity));
            s.awardKey = key;
            s.persistAndFlush();
            changes.recorded(EventType.AWARD_PROPOSED, s.id, AwardView.of(s));
        }
    }

    /**
     * Proposes an award by hand (finance or the city, for corrections such as a recognition by override): the amount
     * comes from the policy in force today for the enterprise's size class (the county supplement from the county's
     * award policy); never twice per enterprise and program (409 naming the existing award). Audited like any award.
     */
    @Transactional
    public AwardView proposeManually(ManualProposal in) {
        String code = CreditCode.normalise(in.creditCode());
        Enterprise e = Enterprise.findById(code);
        if (e == null) {
            throw ApiException.invalid("creditCode", FieldMessage.of("enterprise " + code + " is not registered", "field.NOT_FOUND.enterprise", code));
        }
        Enterprise.lockForUpdate(code);
        String key = Award.key(in.program(), code);
        Award existing = existing(key);
        if (existing != null) {
            throw ApiException.conflict("already-awarded", "Enterprise " + code + " already has award " + existing.id + " ("
                    + existing.status + ") of " + in.program() + "; an enterprise is supported once (不重复支持)",
                    Map.of("awardId", existing.id.toString())).zh("detail.already-awarded", code, existing.id, in.program(), existing.status);
        }
        if (e.sizeClass == null) {
            throw ApiException.unprocessable("no-figures", "Enterprise " + code + " has no yearly figures, so its size class "
                    + "and award tier are unknown", Map.of("creditCode", code)).zh("detail.no-figures.award", code);
        }
        LocalDate today = LocalDate.now(clock);
        Policy policy = policies.inForce(today);
        Tier tier = policy.tierFor(e.sizeClass);
        Award a = newAward(in.program(), e, recognizedInstitution(in.institutionId(), code), null, today, Instant.now(clock));
        a.awardKey = key;
        priceByHand(a, e, in.reason(), policy, tier, today);
        a.persistAndFlush();
        return changes.recorded(EventType.AWARD_PROPOSED, a.id, AwardView.of(a));
    }

    /** The id of an institution in which {@code code} takes part (400 otherwise), recognised (409 otherwise). */
    private static UUID recognizedInstitution(String rawId, String code) {
        UUID id = Where.parseId("institutionId", rawId);
        Institution inst = Institution.findById(id);
        if (inst == null || !inst.participants.contains(code)) {
            throw ApiException.invalid("institutionId", FieldMessage.of("must be an institution in which " + code + " takes part", "field.INVALID_VALUE.award-institution", code));
        }
        if (inst.status != InstitutionStatus.RECOGNIZED) {
            throw ApiException.conflict("institution-not-recognized", "Institution " + inst.id + " is " + inst.status
                    + "; awards are for recognised institutions (先建后补)", Map.of("institutionStatus", inst.status.name())).zh("detail.institution-not-recognized", inst.id, inst.status);
        }
        return id;
    }

    /** Size class, tier, amount and basis (who, why, which policy; at most 500 characters) of a manual proposal. */
    private void priceByHand(Award a, Enterprise e, String reason, Policy policy, Tier tier, LocalDate today) {
        BigDecimal cityAmount = policy.awards().get(tier);
        a.sizeClass = e.sizeClass;
        a.tier = tier;
        a.policyId = policy.id();
        if (a.program == Award.Program.CITY_FIRST_RECOGNITION) {
            a.amount = cityAmount;
            AwardBasis.store(a, AwardBasis.manualCity(caller.subject(), String.valueOf(caller.role()), reason.trim(),
                    policy.id(), tier, e.sizeClass));
        } else {
            CountyAwardPolicy county = countyPolicy(e.regionCode, today);
            if (county == null) {
                throw ApiException.unprocessable("no-county-policy", "Region " + e.regionCode + " has no award policy in force",
                        Map.of("regionCode", e.regionCode)).zh("detail.no-county-policy", e.regionCode);
            }
            a.amount = supplement(county, tier, cityAmount);
            AwardBasis.store(a, AwardBasis.manualCounty(caller.subject(), String.valueOf(caller.role()), reason.trim(),
                    e.regionCode, county.effectiveFrom));
        }
    }

    /** The award holding {@code awardKey} (a live award of that enterprise and program), or null. */
    private static Award existing(String awardKey) {
        return Award.find("awardKey", awardKey).firstResult();
    }

    /** The county's award policy in force on {@code on}, or null. */
    private static CountyAwardPolicy countyPolicy(String regionCode, LocalDate on) {
        return CountyAwardPolicy.<CountyAwardPolicy>find(
                "regionCode = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc", regionCode, on).firstResult();
    }

    /**
     * Why a participant gets no award, in words that cite the policy version {@code policyId} the result was evaluated
     * with: for a build mode not subsidised, its switch {@code interpretations.industryModeSubsidised} and the clause
     * that switch comes from.
     */
    private FieldMessage explain(ParticipantResult p, String policyId) {
        if (p.subsidyReason() == null) {
            return null;
        }
        String key = "note." + p.subsidyReason().name();
        return switch (p.subsidyReason()) {
            case NOT_QUALIFIED -> FieldMessage.of("the eligibility result does not qualify this participant for an award", key);
            case MODE_NOT_SUBSIDISED -> notSubsidised(policies.version(policyId), policyId, key);
            case NOT_ABOVE_DESIGNATED_SIZE -> FieldMessage.of("the enterprise is not above designated size (规上) in the "
                    + "statistical year of the decision date (the year the coverage report uses on that date), so the "
                    + "programme's award is not proposed", key);
            case ALREADY_AWARDED -> FieldMessage.of("the enterprise already received the city's first-recognition award "
                    + "(不重复支持)", key);
            case NOT_FIRST_RECOGNITION -> FieldMessage.of("the enterprise took part in an institution recognised before "
                    + "this one (the historic register included, revoked or not): the city's one-time award is for the "
                    + "first recognition (初次通过审核确认, 不重复支持), so none is proposed. The city can still propose one "
                    + "with POST /api/v1/awards and a reason", key);
        };
    }

    private static FieldMessage notSubsidised(Policy policy, String policyId, String key) {
        String parameter = "interpretations.industryModeSubsidised";
        Object value = policy == null ? "off" : policy.interpretations().industryModeSubsidised();
        String text = "policy " + policyId + " does not subsidise this build mode: " + parameter + " is " + value;
        String clause = policy == null ? null : policy.reference(parameter);
        return FieldMessage.of(clause == null ? text : text + " (" + clause + ")", key, policyId, parameter, value,
                clause == null ? "" : "（" + clause + "）");
    }

    /**
     * A county supplement in yuan: its amount for the tier (FIXED, the city's {@code Map<Tier, yuan>} model), or
     * percentOfCity % of the city award, rounded half up to the fen (PERCENT).
     */
    static BigDecimal supplement(CountyAwardPolicy policy, Tier tier, BigDecimal cityAmount) {
        if (policy.mode == CountyAwardPolicy.Mode.PERCENT) {
            return cityAmount.multiply(policy.percentOfCity).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        }
        return policy.amounts.get(tier);
    }

    private static Award newAward(Award.Program program, Enterprise e, UUID institutionId, UUID applicationId,
                                  LocalDate decidedOn, Instant now) {
        Award a = new Award();
        a.program = program;
        a.creditCode = e.creditCode;
        a.regionCode = e.regionCode;
        a.institutionId = institutionId;
        a.applicationId = applicationId;
        a.fiscalYear = decidedOn.getYear();
        a.status = Award.AwardStatus.PROPOSED;
        a.proposedOn = decidedOn;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }
}
