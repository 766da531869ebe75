package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.common.StateMachine;
import cn.liaocheng.rdcoverage.common.Timestamps;
import cn.liaocheng.rdcoverage.eligibility.ParticipantResult;
import cn.liaocheng.rdcoverage.eligibility.Result;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Awards (先建后补): proposed on first recognition, approved and paid by finance, never twice per enterprise. */
@ApplicationScoped
public class AwardService {
    @jakarta.inject.Inject Changes changes; // the change feed (issue 16)

    static final Map<String, String> SORTABLE = Map.of("proposedOn", "a.proposedOn", "amount", "a.amount",
            "creditCode", "a.creditCode", "status", "a.status", "fiscalYear", "a.fiscalYear", "updatedAt", "a.updatedAt");

    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;

    @Schema(name = "AwardNote")
    public record Note(String creditCode, String reason, @Schema(nullable = true) String detail) {
    }

    @Schema(name = "AwardTransition")
    public record TransitionRequest(AwardAction action, LocalDate paidOn, String voucherRef, String reason, String comment) {
    }

    /**
     * Whether a recognition by override (the institution did not meet the standard) is paid: programme parameter
     * {@code rd.awards.pay-overridden}, default false (as before). When true, a participant that only failed the
     * standard is paid the award of its size class's tier; the other reasons (not above size, INDUSTRY mode, already
     * awarded) still pay nothing.
     */
    @Inject cn.liaocheng.rdcoverage.common.RdConfig rd;
    @Inject cn.liaocheng.rdcoverage.policy.Policies policies;

    /**
     * Proposes the awards a recognition earns: the city's first-recognition award for each participant the
     * eligibility result gives a tier, and the county supplement where one is in force. Runs inside the
     * recognition's transaction; each enterprise row is locked so that concurrent recognitions queue, and the
     * unique award key makes a second award impossible even so. Returns, for each participant without an award, why.
     */
    public List<Note> proposeOnRecognition(UUID institutionId, UUID applicationId, Result result, LocalDate decidedOn,
                                           boolean overridden) {
        List<Note> notes = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (ParticipantResult p0 : result.participants()) {
            ParticipantResult p = p0;
            Enterprise.lockForUpdate(p.creditCode()); // serialises award decisions per enterprise
            Enterprise e = Enterprise.findById(p.creditCode());
            boolean onlyFailedTheStandard = overridden && p.subsidyTier() == null
                    && p.subsidyReason() == cn.liaocheng.rdcoverage.eligibility.SubsidyReason.NOT_QUALIFIED && p.standardTier() != null;
            if (onlyFailedTheStandard && rd.awards().payOverridden()) {
                BigDecimal amount = policies.inForce(decidedOn).awards().get(p.standardTier());
                p = new ParticipantResult(p.creditCode(), p.sizeClass(), p.standardTier(), p.qualified(), p.standardTier(),
                        amount, null);
            } else if (onlyFailedTheStandard) {
                notes.add(new Note(p.creditCode(), "OVERRIDE_NOT_PAID", "recognised by override although the institution "
                        + "does not meet the standard; the programme parameter rd.awards.pay-overridden is off (the default), "
                        + "so no award is proposed. Finance or the city can propose one with POST /api/v1/awards and a reason"));
                continue;
            }
            if (p.subsidyTier() == null) {
                notes.add(new Note(p.creditCode(), p.subsidyReason() == null ? null : p.subsidyReason().name(),
                        explain(p, result.policyId())));
                continue;
            }
            String cityKey = Award.key(Award.Program.CITY_FIRST_RECOGNITION, p.creditCode());
            Award existing = Award.find("awardKey", cityKey).firstResult();
            if (existing != null) {
                notes.add(new Note(p.creditCode(), "ALREADY_AWARDED", "award " + existing.id + " (" + existing.status
                        + ") was already proposed for this enterprise; an enterprise is supported once (不重复支持)"));
                continue;
            }
            Award city = newAward(Award.Program.CITY_FIRST_RECOGNITION, e, institutionId, applicationId, decidedOn, now);
            city.sizeClass = p.sizeClass();
            city.tier = p.subsidyTier();
            city.amount = p.subsidyAmount();
            city.policyId = result.policyId();
            city.basis = "policy " + result.policyId() + ": " + p.subsidyTier() + " tier, size class " + p.sizeClass()
                    + ", first recognition on " + decidedOn + (onlyFailedTheStandard ? " (recognised by override, paid as "
                    + "rd.awards.pay-overridden is on)" : "");
            city.awardKey = cityKey;
            city.persistAndFlush();
            changes.recorded(EventType.AWARD_PROPOSED, city.id, AwardView.of(city));

            CountyAwardPolicy county = CountyAwardPolicy.<CountyAwardPolicy>find(
                    "regionCode = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc", e.regionCode, decidedOn).firstResult();
            if (county != null) {
                BigDecimal amount = supplement(county, city.tier, city.amount);
                String key = Award.key(Award.Program.COUNTY_SUPPLEMENT, p.creditCode());
                if (amount.signum() > 0 && Award.count("awardKey", key) == 0) {
                    Award s = newAward(Award.Program.COUNTY_SUPPLEMENT, e, institutionId, applicationId, decidedOn, now);
                    s.sizeClass = city.sizeClass;
                    s.tier = city.tier;
                    s.amount = amount;
                    s.policyId = result.policyId();
                    s.basis = "county " + e.regionCode + " supplement from " + county.effectiveFrom + ": "
                            + (county.mode == CountyAwardPolicy.Mode.FIXED ? "fixed amount for the " + city.tier + " tier"
                            : county.percentOfCity.stripTrailingZeros().toPlainString() + "% of the city award");
                    s.awardKey = key;
                    s.persistAndFlush();
                    changes.recorded(EventType.AWARD_PROPOSED, s.id, AwardView.of(s));
                }
            }
        }
        return notes;
    }

    /** A manual award proposal (corrections): program, enterprise, the recognised institution it concerns, and why. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ManualAwardProposal")
    public record ManualProposal(@jakarta.validation.constraints.NotNull Award.Program program,
                                 @jakarta.validation.constraints.NotBlank String creditCode,
                                 @jakarta.validation.constraints.NotBlank String institutionId,
                                 @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 1000) String reason) {
    }

    /**
     * Proposes an award by hand (finance or the city, for corrections such as a recognition by override): the amount
     * comes from the policy in force today for the enterprise's size class (the county supplement from the county's
     * award policy); never twice per enterprise and program (409 naming the existing award). Audited like any award.
     */
    @jakarta.transaction.Transactional
    public AwardView proposeManually(ManualProposal in) {
        String code = cn.liaocheng.rdcoverage.enterprise.CreditCode.normalise(in.creditCode());
        Enterprise e = Enterprise.findById(code);
        if (e == null) {
            throw ApiException.invalid("creditCode", FieldMessage.of("enterprise " + code + " is not registered", "field.NOT_FOUND.enterprise", code));
        }
        Enterprise.lockForUpdate(code);
        String key = Award.key(in.program(), code);
        Award existing = Award.find("awardKey", key).firstResult();
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
        cn.liaocheng.rdcoverage.eligibility.Policy policy = policies.inForce(today);
        Tier tier = policy.tierFor(e.sizeClass);
        BigDecimal cityAmount = policy.awards().get(tier);
        UUID institution = cn.liaocheng.rdcoverage.common.Where.parseId("institutionId", in.institutionId());
        cn.liaocheng.rdcoverage.institution.Institution inst = cn.liaocheng.rdcoverage.institution.Institution.findById(institution);
        if (inst == null || !inst.participants.contains(code)) {
            throw ApiException.invalid("institutionId", FieldMessage.of("must be an institution in which " + code + " takes part", "field.INVALID_VALUE.award-institution", code));
        }
        if (inst.status != cn.liaocheng.rdcoverage.institution.InstitutionStatus.RECOGNIZED) {
            throw ApiException.conflict("institution-not-recognized", "Institution " + inst.id + " is " + inst.status
                    + "; awards are for recognised institutions (先建后补)", Map.of("institutionStatus", inst.status.name())).zh("detail.institution-not-recognized", inst.id, inst.status);
        }
        Award a = newAward(in.program(), e, institution, null, today, Instant.now(clock));
        a.sizeClass = e.sizeClass;
        a.tier = tier;
        a.policyId = policy.id();
        a.awardKey = key;
        String by = "manual proposal by " + caller.subject() + " (" + caller.role() + "): " + in.reason().trim();
        if (in.program() == Award.Program.CITY_FIRST_RECOGNITION) {
            a.amount = cityAmount;
            a.basis = by + "; policy " + policy.id() + ": " + tier + " tier, size class " + e.sizeClass;
        } else {
            CountyAwardPolicy county = CountyAwardPolicy.<CountyAwardPolicy>find(
                    "regionCode = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc", e.regionCode, today).firstResult();
            if (county == null) {
                throw ApiException.unprocessable("no-county-policy", "Region " + e.regionCode + " has no award policy in force",
                        Map.of("regionCode", e.regionCode)).zh("detail.no-county-policy", e.regionCode);
            }
            a.amount = supplement(county, tier, cityAmount);
            a.basis = by + "; county " + e.regionCode + " supplement from " + county.effectiveFrom;
        }
        if (a.basis.length() > 500) {
            a.basis = a.basis.substring(0, 500);
        }
        a.persistAndFlush();
        return changes.recorded(EventType.AWARD_PROPOSED, a.id, AwardView.of(a));
    }

    /**
     * Why a participant gets no award, in words that cite the policy version {@code policyId} the result was evaluated
     * with: for a build mode not subsidised, its switch {@code interpretations.industryModeSubsidised} and the clause
     * that switch comes from.
     */
    private String explain(ParticipantResult p, String policyId) {
        if (p.subsidyReason() == null) {
            return null;
        }
        return switch (p.subsidyReason()) {
            case NOT_QUALIFIED -> "the eligibility result does not qualify this participant for an award";
            case MODE_NOT_SUBSIDISED -> notSubsidised(policies.version(policyId), policyId);
            case NOT_ABOVE_DESIGNATED_SIZE -> "the enterprise is not above designated size (规上)";
            case ALREADY_AWARDED -> "the enterprise already received the city's first-recognition award (不重复支持)";
        };
    }

    private static String notSubsidised(cn.liaocheng.rdcoverage.eligibility.Policy policy, String policyId) {
        String parameter = "interpretations.industryModeSubsidised";
        String text = "policy " + policyId + " does not subsidise this build mode: " + parameter + " is "
                + (policy == null ? "off" : policy.interpretations().industryModeSubsidised());
        String clause = policy == null ? null : policy.reference(parameter);
        return clause == null ? text : text + " (" + clause + ")";
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

    private Award newAward(Award.Program program, Enterprise e, UUID institutionId, UUID applicationId,
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

    public List<AwardView> ofApplication(UUID applicationId) {
        return Award.<Award>list("applicationId = ?1 order by program, creditCode", applicationId).stream().map(AwardView::of).toList();
    }

    @Inject cn.liaocheng.rdcoverage.security.AuditHistory audit;

    /** Every recorded change of an award (proposal, approval, payment, cancellation), oldest first. */
    public List<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(String rawId) {
        Award award = find(rawId);
        return audit.of(List.of(new cn.liaocheng.rdcoverage.security.AuditHistory.Source<>(Award.class, "award",
                org.hibernate.envers.query.AuditEntity.id().eq(award.id), a -> a.id.toString(),
                a -> cn.liaocheng.rdcoverage.security.AuditHistory.state("status", a.status, "amount", a.amount, "tier", a.tier, "approvedOn", a.approvedOn,
                        "disbursedOn", a.disbursedOn, "voucherRef", a.voucherRef, "cancelledOn", a.cancelledOn,
                        "cancelReason", a.cancelReason))));
    }

    public AwardView get(String rawId) {
        return AwardView.of(find(rawId));
    }

    @Transactional
    public AwardView transition(String rawId, TransitionRequest request) {
        return transition(rawId, request, null);
    }

    /** The transition when the award is still at the version {@code ifMatch} names (412 otherwise; null: any). */
    @Transactional
    public AwardView transition(String rawId, TransitionRequest request, String ifMatch) {
        if (request == null || request.action() == null) {
            throw ApiException.invalid("action", "is required: one of "
                    + String.join(", ", java.util.Arrays.stream(AwardAction.values()).map(Enum::name).toList()));
        }
        Award a = find(rawId);
        cn.liaocheng.rdcoverage.common.ETags.checkIfMatch(ifMatch, a.version);
        Predicate<AwardAction> mayTake = StateMachine.callerTakes(caller);
        StateMachine.requireRole(request.action(), mayTake);
        Award.AwardStatus to = StateMachine.next(request.action(), a.status, mayTake, allowed -> ApiException.conflict(
                "illegal-transition", request.action() + " is not allowed on a " + a.status + " award",
                Map.of("currentStatus", a.status.name(), "allowedActions", allowed))
                        .zh("detail.illegal-transition.award", request.action(), a.status));
        LocalDate today = LocalDate.now(clock);
        switch (request.action()) {
            case APPROVE -> a.approvedOn = today;
            case DISBURSE -> {
                List<Problem.FieldError> errors = new ArrayList<>();
                if (request.paidOn() == null) {
                    errors.add(new Problem.FieldError("paidOn", FieldMessage.of("is required: the payment date", "field.REQUIRED.paid-on")));
                } else if (request.paidOn().isAfter(today)) {
                    errors.add(new Problem.FieldError("paidOn", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date")));
                }
                if (request.voucherRef() == null || request.voucherRef().isBlank()) {
                    errors.add(new Problem.FieldError("voucherRef", FieldMessage.of("is required: the payment voucher reference", "field.REQUIRED.voucher")));
                } else if (request.voucherRef().length() > 100) {
                    errors.add(new Problem.FieldError("voucherRef", FieldMessage.of("must be at most 100 characters", "field.TOO_LONG.chars", 100, request.voucherRef().length())));
                }
                if (!errors.isEmpty()) {
                    throw ApiException.invalid(errors);
                }
                a.disbursedOn = request.paidOn();
                a.voucherRef = request.voucherRef().trim();
            }
            case CANCEL -> {
                if (request.reason() == null || request.reason().isBlank()) {
                    throw ApiException.invalid("reason", FieldMessage.of("is required to cancel an award", "field.REQUIRED.cancel-reason"));
                }
                a.cancelledOn = today;
                a.cancelReason = request.reason().trim();
                a.awardKey = null;
            }
        }
        a.status = to;
        a.updatedAt = Instant.now(clock);
        a.persistAndFlush();
        return changes.recorded(EventType.valueOf("AWARD_" + a.status.name()), a.id, AwardView.of(a));
    }

    Award find(String rawId) {
        UUID id = Where.idOr404("Award", rawId);
        Award a = Award.findById(id);
        if (a == null || !scope.award(a.creditCode, a.regionCode, currentRegion(a.creditCode))) {
            throw ApiException.notFound("Award", rawId);
        }
        return a;
    }

    private static String currentRegion(String creditCode) {
        Enterprise e = Enterprise.findById(creditCode);
        return e == null ? null : e.regionCode;
    }

    /** List filters of /awards. */
    public static class Filter {
        @jakarta.ws.rs.QueryParam("regionCode")
        public String regionCode;
        @jakarta.ws.rs.QueryParam("creditCode")
        public String creditCode;
        @jakarta.ws.rs.QueryParam("program")
        @Parameter(schema = @Schema(implementation = Award.Program.class))
        public String program;
        @jakarta.ws.rs.QueryParam("status")
        @Parameter(schema = @Schema(implementation = Award.AwardStatus.class))
        public String status;
        @jakarta.ws.rs.QueryParam("fiscalYear")
        public Integer fiscalYear;
        @jakarta.ws.rs.QueryParam("updatedSince")
        public String updatedSince;
    }

    public PageResult<AwardView> list(Filter f, PageQuery paging) {
        paging.validate();
        Where w = where(f);
        List<Award> rows = Award.<Award>find("from Award a" + w.clause() + " order by " + Sorting.orderBy(paging.sort, SORTABLE, "a.id"), w.params())
                .page(Page.of(paging.page, paging.size)).list();
        return new PageResult<>(rows.stream().map(AwardView::of).toList(), paging.page, paging.size, Award.count("from Award a" + w.clause(), w.params()));
    }

    /**
     * Every award matching the filter in id order, for a streamed export: a thousand per short transaction, by keyset
     * (each chunk starts after the previous chunk's last id), so memory is one chunk and no award is skipped or written
     * twice when awards are added or deleted meanwhile (issue #20).
     */
    public void forEach(Filter f, Consumer<AwardView> sink) {
        Where w = where(f);
        UUID after = null;
        while (true) {
            Map<String, Object> params = new java.util.LinkedHashMap<>(w.params());
            String clause = w.clause();
            if (after != null) {
                clause += (clause.isEmpty() ? " where " : " and ") + "a.id > :after";
                params.put("after", after);
            }
            String query = "from Award a" + clause + " order by a.id";
            List<AwardView> chunk = QuarkusTransaction.requiringNew().call(() -> Award.<Award>find(query, params)
                    .page(Page.ofSize(1000)).list().stream().map(AwardView::of).toList());
            chunk.forEach(sink);
            if (chunk.size() < 1000) {
                return;
            }
            after = UUID.fromString(chunk.get(chunk.size() - 1).id());
        }
    }

    private Where where(Filter f) {
        Where w = scope.awards(new Where(), "a");
        if (w.has(f.regionCode)) {
            w.and("a.regionCode = :region", "region", f.regionCode.trim());
        }
        if (w.has(f.creditCode)) {
            w.and("a.creditCode = :code", "code", f.creditCode.trim().toUpperCase(Locale.ROOT));
        }
        if (w.has(f.program)) {
            w.and("a.program = :program", "program", Where.parseEnum(Award.Program.class, "program", f.program));
        }
        if (w.has(f.status)) {
            w.and("a.status = :status", "status", Where.parseEnum(Award.AwardStatus.class, "status", f.status));
        }
        if (f.fiscalYear != null) {
            w.and("a.fiscalYear = :fy", "fy", f.fiscalYear);
        }
        if (w.has(f.updatedSince)) {
            w.and("a.updatedAt >= :since", "since", Timestamps.parseSince("updatedSince", f.updatedSince));
        }
        return w;
    }
}
