package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.security.Role;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.common.Timestamps;
import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.capacity.CapacityView;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.eligibility.Capacity;
import cn.liaocheng.rdcoverage.eligibility.Cooperation;
import cn.liaocheng.rdcoverage.eligibility.Eligibility;
import cn.liaocheng.rdcoverage.eligibility.Facts;
import cn.liaocheng.rdcoverage.eligibility.Participant;
import cn.liaocheng.rdcoverage.eligibility.Platform;
import cn.liaocheng.rdcoverage.eligibility.Result;
import cn.liaocheng.rdcoverage.eligibility.ServiceAgreement;
import cn.liaocheng.rdcoverage.enterprise.CreditCode;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.enterprise.EnterpriseFigures;
import cn.liaocheng.rdcoverage.policy.Policies;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.AuditHistory;
import cn.liaocheng.rdcoverage.security.Caller;
import org.hibernate.envers.query.AuditEntity;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** R&amp;D institutions: declaration with structural checks, yearly capacity, and evaluation against the policy. */
@ApplicationScoped
public class InstitutionService {
    @Inject cn.liaocheng.rdcoverage.coverage.CoverageLedger ledger;
    @Inject cn.liaocheng.rdcoverage.coverage.InstitutionCoverage institutionCoverage;
    @jakarta.inject.Inject Changes changes; // the change feed (issue 16)

    static final Map<String, String> SORTABLE = Map.of(
            "name", "i.name", "kind", "i.kind", "buildMode", "i.buildMode", "status", "i.status",
            "recognizedOn", "i.recognizedOn", "createdAt", "i.createdAt", "updatedAt", "i.updatedAt");

    @Inject Regions regions;
    @Inject Policies policies;
    @Inject PriorAwards priorAwards;
    @Inject Clock clock;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject AuditHistory audit;

    public InstitutionView get(String rawId) {
        return view(find(rawId));
    }

    public PageResult<InstitutionView> list(InstitutionFilter filter, PageQuery paging) {
        paging.validate();
        Where w = scope.institutions(new Where(), "i");
        if (w.has(filter.buildMode)) {
            w.and("i.buildMode = :mode", "mode", Where.parseEnum(BuildMode.class, "buildMode", filter.buildMode));
        }
        if (w.has(filter.status)) {
            w.and("i.status = :status", "status", Where.parseEnum(InstitutionStatus.class, "status", filter.status));
        }
        if (w.has(filter.participant)) {
            w.and(":participant member of i.participants", "participant", CreditCode.normalise(filter.participant));
        }
        if (w.has(filter.regionCode)) {
            w.and("exists (select 1 from Enterprise e where e.regionCode = :region and e.creditCode member of i.participants)",
                    "region", filter.regionCode.trim());
        }
        if (w.has(filter.updatedSince)) {
            w.and("i.updatedAt >= :since", "since", Timestamps.parseSince("updatedSince", filter.updatedSince));
        }
        String order = Sorting.orderBy(paging.sort, SORTABLE, "i.id");
        List<Institution> rows = Institution.<Institution>find("from Institution i" + w.clause() + " order by " + order, w.params())
                .page(Page.of(paging.page, paging.size)).list();
        long total = Institution.count("from Institution i" + w.clause(), w.params());
        return new PageResult<>(views(rows), paging.page, paging.size, total);
    }

    @Transactional
    public InstitutionView create(InstitutionInput input) {
        Institution i = new Institution();
        i.status = InstitutionStatus.DECLARED;
        i.createdAt = Instant.now(clock);
        apply(i, input);
        i.persist();
        if (input.capacity() != null) {
            putCapacity(i, input.capacity());
        }
        syncConsents(i, Set.of());
        Institution.flush();
        return changes.recorded(EventType.INSTITUTION_CREATED, i.id, view(i));
    }

    /**
     * Loads the historic register (institutions recognised before go-live, with their real dates) all or nothing:
     * every entry is checked as a declaration would be, plus recognizedOn not after today; the problems of every
     * entry are returned together (fields prefixed {@code institutions[k].}) and nothing is stored. Stored
     * institutions are RECOGNIZED on their date; no award is proposed (awards of that time were paid outside the
     * service). The audit trail records the city officer who loaded them.
     */
    @Transactional
    public HistoricRegister.Result loadHistoric(HistoricRegister register) {
        LocalDate today = LocalDate.now(clock);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Institution> valid = new ArrayList<>();
        for (int k = 0; k < register.institutions().size(); k++) {
            HistoricRegister.Entry entry = register.institutions().get(k);
            String prefix = "institutions[" + k + "].";
            if (entry.recognizedOn().isAfter(today)) {
                errors.add(new Problem.FieldError(prefix + "recognizedOn", FieldMessage.of("must not be after today (" + today + ")", "field.IN_FUTURE.today", today)));
            }
            Institution i = new Institution();
            i.status = InstitutionStatus.RECOGNIZED;
            i.recognizedOn = entry.recognizedOn();
            i.createdAt = Instant.now(clock);
            try {
                apply(i, entry.institution());
                valid.add(i);
            } catch (ApiException e) {
                if (e.errors().isEmpty()) {
                    errors.add(new Problem.FieldError(prefix + "institution", e.getMessage()));
                }
                for (Problem.FieldError f : e.errors()) {
                    errors.add(new Problem.FieldError(prefix + "institution." + f.field(), f.message()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < valid.size(); k++) {
            Institution i = valid.get(k);
            i.persist();
            CapacityInput c = register.institutions().get(k).institution().capacity();
            if (c != null) {
                putCapacity(i, c);
            }
            changes.record(EventType.INSTITUTION_CREATED, i.id, () -> view(i));
            ids.add(i.id.toString());
        }
        Institution.flush();
        ledger.refresh(valid.stream().flatMap(i -> i.participants.stream()).toList());
        return new HistoricRegister.Result(ids.size(), ids);
    }

    @Transactional
    public InstitutionView replace(String rawId, InstitutionInput input, String ifMatch) {
        Institution i = find(rawId);
        ETags.checkIfMatch(ifMatch, i.version);
        refuseFrozenChanges(i, frozenChanges(i, input));
        Set<String> before = new HashSet<>(i.participants);
        apply(i, input);
        if (input.capacity() != null) {
            putCapacity(i, input.capacity());
        }
        syncConsents(i, before);
        Institution.flush();
        refreshCoverage(i, before);
        return changes.recorded(EventType.INSTITUTION_UPDATED, i.id, view(i));
    }

    /** Coverage rows of the participants before and after a change (issue #20), in this transaction. */
    private void refreshCoverage(Institution i, Set<String> before) {
        Set<String> codes = new HashSet<>(before);
        codes.addAll(i.participants);
        ledger.refresh(codes);
    }

    /**
     * A city officer's correction of facts a decision rested on (build mode, participants, declared capacity): the
     * same checks as a declaration, and the reason kept with the institution and in its audit trail.
     */
    @Transactional
    public InstitutionView correct(String rawId, InstitutionInput input, String reason, String ifMatch) {
        Institution i = find(rawId);
        ETags.checkIfMatch(ifMatch, i.version);
        Set<String> before = new HashSet<>(i.participants);
        apply(i, input);
        if (input.capacity() != null) {
            putCapacity(i, input.capacity());
        }
        syncConsents(i, before);
        i.correctionReason = reason.trim();
        Institution.flush();
        refreshCoverage(i, before);
        return changes.recorded(EventType.INSTITUTION_UPDATED, i.id, view(i));
    }

    /**
     * Whether what a decision rests on is frozen: the institution is recognised (or revoked), or an application of
     * it is under review (past DRAFT and not returned, withdrawn or rejected).
     */
    boolean frozen(Institution i) {
        return i.status != InstitutionStatus.DECLARED
                || Institution.count("select count(a) from Application a where a.institutionId = ?1 and a.status in "
                + "(cn.liaocheng.rdcoverage.review.ApplicationStatus.SUBMITTED, "
                + "cn.liaocheng.rdcoverage.review.ApplicationStatus.COUNTY_APPROVED, "
                + "cn.liaocheng.rdcoverage.review.ApplicationStatus.UNDER_ASSESSMENT, "
                + "cn.liaocheng.rdcoverage.review.ApplicationStatus.RECOGNIZED)", i.id) > 0;
    }

    /** The frozen fields that {@code in} would change: buildMode, participants, capacity. */
    List<String> frozenChanges(Institution i, InstitutionInput in) {
        List<String> changed = new ArrayList<>();
        if (in.buildMode() != i.buildMode) {
            changed.add("buildMode");
        }
        List<String> codes = in.participants().stream().map(CreditCode::normalise).toList();
        if (!new HashSet<>(codes).equals(new HashSet<>(i.participants)) || codes.size() != i.participants.size()) {
            changed.add("participants");
        }
        if (in.capacity() != null && capacityChanges(i, in.capacity().year() == null ? LocalDate.now(clock).getYear()
                : in.capacity().year(), in.capacity())) {
            changed.add("capacity");
        }
        return changed;
    }

    private boolean capacityChanges(Institution i, int year, CapacityInput in) {
        InstitutionCapacity c = InstitutionCapacity.findById(new InstitutionYear(i.id, year));
        return c == null || !CapacityMapper.sameFigures(c.capacity, in);
    }

    private void refuseFrozenChanges(Institution i, List<String> changed) {
        if (changed.isEmpty() || !frozen(i)) {
            return;
        }
        List<Problem.FieldError> errors = changed.stream().map(f -> new Problem.FieldError(f, FieldMessage.of(
                "is frozen: a decision rests on it; change it through a new application in a round, "
                        + "or a city officer's correction with a reason (POST /api/v1/institutions/{id}/corrections)",
                "field.INVALID.frozen", i.id))).toList();
        throw new ApiException(409, "institution-frozen", "Conflict", "Institution " + i.id + " is " + i.status
                + (i.status == InstitutionStatus.DECLARED ? " and under review" : "") + "; "
                + String.join(", ", changed) + " cannot be changed directly", errors, Map.of("frozenFields", changed))
                        .zh("detail.institution-frozen", i.id, i.status, String.join(", ", changed));
    }

    /**
     * Consent of participants (issue 12, High 3). A participant added by an enterprise has not confirmed yet; the
     * declaring enterprise itself has, and so has every participant a city officer declares (the city acts for them)
     * or a county officer declares for an enterprise of its region (it organises 申报 and may confirm for it: issue #19).
     * Confirmations of removed participants go; those of participants that stay are kept.
     */
    void syncConsents(Institution i, Set<String> before) {
        if (!before.isEmpty()) {
            ParticipantConsent.delete("institutionId = ?1 and creditCode not in ?2", i.id, List.copyOf(i.participants));
        }
        for (String code : i.participants) {
            if (before.contains(code)) {
                continue;
            }
            boolean self = caller.scopedToEnterprise() && scope.actsForEnterprise(code);
            if (self || caller.is(Role.CITY_OFFICER) || caller.is(Role.COUNTY_OFFICER) && scope.actsForEnterprise(code)) {
                confirm(i, code);
            }
        }
    }


    private void confirm(Institution i, String code) {
        if (ParticipantConsent.findById(new ParticipantConsent.Key(i.id, code)) != null) {
            return;
        }
        ParticipantConsent c = new ParticipantConsent();
        c.institutionId = i.id;
        c.creditCode = code;
        c.confirmedAt = Instant.now(clock);
        c.confirmedBy = caller.subject();
        c.confirmedRole = caller.role() == null ? "" : caller.role().name();
        c.persist();
    }

    /** The participants that have not confirmed, in declaration order. */
    public List<String> pendingConsents(Institution i) {
        Set<String> confirmed = new HashSet<>();
        for (ParticipantConsent c : ParticipantConsent.<ParticipantConsent>list("institutionId", i.id)) {
            confirmed.add(c.creditCode);
        }
        return i.participants.stream().filter(code -> !confirmed.contains(code)).toList();
    }

    /** 409 naming every participant that has not confirmed (before a submission, or an enterprise's evaluation). */
    public void requireConsents(Institution i) {
        List<String> pending = pendingConsents(i);
        if (pending.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String code : pending) {
            errors.add(new Problem.FieldError("participants[" + i.participants.indexOf(code) + "]", FieldMessage.of(
                    "has not confirmed taking part (POST /api/v1/institutions/" + i.id + "/consents by that enterprise "
                            + "or a county officer of its region)", "field.INVALID.consent", code, i.id)));
        }
        throw new ApiException(409, "consent-pending", "Conflict", pending.size() + " participant(s) of institution "
                + i.id + " have not confirmed taking part", errors, Map.of("pendingParticipants", pending))
                        .zh("detail.consent-pending", pending.size(), i.id);
    }

    /**
     * A participant confirms that it takes part: with its own ENTERPRISE token, or a county officer of its region
     * acting for it. Confirming twice is harmless.
     */
    @Transactional
    public InstitutionView consent(String rawId, String rawCode) {
        Institution i = find(rawId);
        String code = CreditCode.normalise(rawCode);
        if (!i.participants.contains(code)) {
            throw ApiException.invalid("creditCode", FieldMessage.of("is not a participant of institution " + i.id, "field.INVALID_VALUE.not-participant", i.id));
        }
        if (!scope.actsForEnterprise(code)) {
            throw ApiException.forbidden(caller.scopedToEnterprise() ? "An enterprise confirms only its own participation"
                    : "A county officer confirms only for enterprises of its own region");
        }
        confirm(i, code);
        i.updatedAt = Instant.now(clock);
        Institution.flush();
        return changes.recorded(EventType.INSTITUTION_UPDATED, i.id, view(i));
    }

    @Transactional
    public void delete(String rawId, String ifMatch) {
        Institution i = find(rawId);
        ETags.requireIfMatch(ifMatch, i.version, "institution " + i.id);
        if (i.status != InstitutionStatus.DECLARED) {
            throw ApiException.conflict("institution-recognized", "Institution " + i.id + " is " + i.status
                    + "; only a DECLARED institution can be removed (a recognised one is revoked instead)")
                            .zh("detail.institution-recognized.delete", i.id, i.status);
        }
        changes.deleted(EventType.INSTITUTION_DELETED, i.id, view(i));
        // entity by entity, so that the audit trail records each deleted capacity year and designation
        for (InstitutionCapacity c : InstitutionCapacity.<InstitutionCapacity>list("institutionId", i.id)) {
            c.delete();
        }
        for (Designation d : Designation.<Designation>list("institutionId", i.id)) {
            d.delete();
        }
        Set<String> before = new HashSet<>(i.participants);
        i.delete();
        ledger.refresh(before);
    }

    /** Every recorded change of the institution and its declared capacity, oldest first. */
    public List<AuditHistory.Entry> history(String rawId) {
        Institution i = find(rawId);
        return audit.of(List.of(
                new AuditHistory.Source<>(Institution.class, "institution", AuditEntity.id().eq(i.id), x -> x.id.toString(),
                        x -> AuditHistory.state("name", x.name, "kind", x.kind, "buildMode", x.buildMode,
                                "participants", List.copyOf(x.participants), "cooperations", x.cooperations.stream().map(c -> AuditHistory.state(
                                        "partner", c.partner, "partnerKind", c.partnerKind, "signedOn", c.signedOn,
                                        "validUntil", c.validUntil, "activities", c.activities)).toList(),
                                "platformKind", x.platformKind, "platformCertification", x.platformCertification,
                                "agreementValidUntil", x.agreementValidUntil, "status", x.status,
                                "recognizedOn", x.recognizedOn, "revokedOn", x.revokedOn, "correctionReason", x.correctionReason)),
                new AuditHistory.Source<>(InstitutionCapacity.class, "capacity", AuditEntity.property("originalId.institutionId").eq(i.id),
                        c -> Integer.toString(c.year),
                        c -> AuditHistory.state("year", c.year, "personnel", c.capacity.personnel,
                                "equipmentValue", c.capacity.equipmentValue, "rdExpenditure", c.capacity.rdExpenditure,
                                "floorArea", c.capacity.floorArea, "projectCount", c.capacity.projectCount,
                                "hasRules", c.capacity.hasRules, "hasStableFunding", c.capacity.hasStableFunding))));
    }

    public List<CapacityView> capacities(String rawId) {
        Institution i = find(rawId);
        return InstitutionCapacity.<InstitutionCapacity>list("institutionId = ?1 order by year desc", i.id)
                .stream().map(c -> CapacityMapper.view(c.year, c.capacity)).toList();
    }

    public CapacityView capacity(String rawId, int year) {
        Institution i = find(rawId);
        InstitutionCapacity c = InstitutionCapacity.findById(new InstitutionYear(i.id, year));
        if (c == null) {
            throw ApiException.notFound("Capacity of institution " + i.id + " for year", year);
        }
        return CapacityMapper.view(c.year, c.capacity);
    }

    @Transactional
    public boolean putCapacity(String rawId, int year, CapacityInput input) {
        Institution i = find(rawId);
        if (input.year() != null && input.year() != year) {
            throw ApiException.invalid("year", FieldMessage.of("must equal the year in the path (" + year + ")", "field.INVALID_VALUE.path-year", year));
        }
        if (capacityChanges(i, year, input)) {
            refuseFrozenChanges(i, List.of("capacity"));
        }
        boolean created = InstitutionCapacity.findById(new InstitutionYear(i.id, year)) == null;
        putCapacity(i, input.withYear(year));
        i.updatedAt = Instant.now(clock);
        institutionCoverage.refresh(List.of(i.id)); // the indicators report's copy of the capacity (issue #18)
        changes.record(EventType.INSTITUTION_UPDATED, i.id, () -> view(i));
        return created;
    }

    /** Evaluates the stored institution on {@code asOf} with the policy then in force. */
    public Result eligibility(String rawId, LocalDate asOf) {
        Institution i = find(rawId);
        if (caller.scopedToEnterprise()) {
            requireConsents(i); // the other participants' size class and award status only once they have confirmed
        }
        return evaluate(i, asOf, null);
    }

    /**
     * The facts of an institution on a date: each participant's figures of that year (else its latest earlier
     * year), the capacity declared for that year (else the latest earlier one) unless {@code capacityOverride}
     * is given (e.g. verified on site), the cooperations, platform and agreement.
     */
    public Result evaluate(Institution i, LocalDate asOf, Capacity capacityOverride) {
        var policy = policies.inForce(asOf);
        Set<String> awarded = priorAwards.alreadyAwarded(i.participants);
        List<Participant> participants = new ArrayList<>();
        for (String code : i.participants) {
            EnterpriseFigures f = EnterpriseFigures.<EnterpriseFigures>find(
                    "creditCode = ?1 and year <= ?2 order by year desc", code, asOf.getYear()).firstResult();
            if (f == null) {
                throw ApiException.unprocessable("no-figures", "Enterprise " + code + " has no yearly figures for "
                        + asOf.getYear() + " or earlier, so its size class is unknown; load its statistics first",
                        Map.of("creditCode", code, "year", asOf.getYear())).zh("detail.no-figures.size-class", code, asOf.getYear());
            }
            participants.add(new Participant(code, f.employees, f.revenue, f.aboveDesignatedSize, awarded.contains(code)));
        }
        Capacity capacity = capacityOverride;
        if (capacity == null) {
            InstitutionCapacity c = InstitutionCapacity.<InstitutionCapacity>find(
                    "institutionId = ?1 and year <= ?2 order by year desc", i.id, asOf.getYear()).firstResult();
            capacity = c == null ? null : CapacityMapper.facts(c.capacity);
        }
        List<Cooperation> cooperations = new ArrayList<>();
        for (Institution.CooperationRow r : i.cooperations) {
            cooperations.add(new Cooperation(r.partner, r.partnerKind, r.signedOn, r.validUntil, r.activities));
        }
        Platform platform = i.platformKind == null ? null : new Platform(i.platformName, i.platformKind, i.platformCertification);
        ServiceAgreement agreement = i.agreementSignedOn == null ? null
                : new ServiceAgreement(i.agreementExpert, i.agreementSignedOn, i.agreementValidUntil);
        return Eligibility.evaluate(new Facts(i.buildMode, participants, capacity, cooperations, platform, agreement), policy, asOf);
    }

    public Institution find(String rawId) {
        UUID id = Where.idOr404("Institution", rawId);
        Institution i = Institution.findById(id);
        if (i == null || !visible(i)) {
            throw ApiException.notFound("Institution", rawId);
        }
        return i;
    }

    /** Whether the caller's scope covers the institution ({@link cn.liaocheng.rdcoverage.security.Scope#institution}). */
    boolean visible(Institution i) {
        return scope.institution(i.participants);
    }

    private void apply(Institution i, InstitutionInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (int k = 0; k < in.participants().size(); k++) {
            String code = CreditCode.normalise(in.participants().get(k));
            FieldMessage problem = CreditCode.problem(code);
            if (problem != null) {
                errors.add(new Problem.FieldError("participants[" + k + "]", problem));
            } else if (!distinct.add(code)) {
                errors.add(new Problem.FieldError("participants[" + k + "]", FieldMessage.of(code + " is listed twice", "field.DUPLICATE.participant", code)));
            }
            codes.add(code);
        }
        // Scope before registration (issue #12, credit-code enumeration): a county officer or an enterprise naming
        // only codes outside its scope gets the same 403 whether they are registered or not, so that the answer
        // never tells which credit codes exist.
        if (errors.isEmpty() && !scope.actsForAny(codes)) {
            throw ApiException.forbidden("A county officer of " + caller.regionCode() + " declares institutions only for "
                    + "enterprises of its region; name at least one enterprise registered in " + caller.regionCode());
        }
        if (caller.scopedToEnterprise() && !distinct.contains(caller.creditCode())) {
            throw ApiException.forbidden("An enterprise may declare only institutions it takes part in; "
                    + caller.creditCode() + " is not among the participants");
        }
        for (int k = 0; k < codes.size(); k++) {
            String code = codes.get(k);
            if (CreditCode.problem(code) == null && codes.indexOf(code) == k && Enterprise.findById(code) == null) {
                errors.add(new Problem.FieldError("participants[" + k + "]", FieldMessage.of("enterprise " + code + " is not registered", "field.NOT_FOUND.enterprise", code)));
            }
        }
        switch (in.buildMode()) {
            case SINGLE -> {
                if (codes.size() != 1) {
                    errors.add(new Problem.FieldError("participants", FieldMessage.of("a SINGLE institution (企业单建) has exactly one participant", "field.INVALID.single")));
                }
            }
            case JOINT -> {
                if (distinct.size() < 2) {
                    errors.add(new Problem.FieldError("participants", FieldMessage.of("a JOINT institution (多企联建) has at least two distinct participants", "field.INVALID.joint")));
                }
            }
            case INDUSTRY -> {
                if (in.platform() == null) {
                    errors.add(new Problem.FieldError("platform", FieldMessage.of("is required for an INDUSTRY institution (产业共建)", "field.REQUIRED.industry")));
                }
                if (in.serviceAgreement() == null) {
                    errors.add(new Problem.FieldError("serviceAgreement", FieldMessage.of("is required for an INDUSTRY institution (产业共建)", "field.REQUIRED.industry")));
                }
            }
        }
        if (in.buildMode() != BuildMode.INDUSTRY) {
            if (in.platform() != null) {
                errors.add(new Problem.FieldError("platform", FieldMessage.of("applies only to INDUSTRY institutions", "field.INVALID.industry-only")));
            }
            if (in.serviceAgreement() != null) {
                errors.add(new Problem.FieldError("serviceAgreement", FieldMessage.of("applies only to INDUSTRY institutions", "field.INVALID.industry-only")));
            }
        }
        if (in.serviceAgreement() != null && in.serviceAgreement().validUntil() != null
                && in.serviceAgreement().validUntil().isBefore(in.serviceAgreement().signedOn())) {
            errors.add(new Problem.FieldError("serviceAgreement.validUntil", FieldMessage.of("must not be before signedOn", "field.INVALID.before", "signedOn")));
        }
        List<InstitutionInput.CooperationInput> coops = in.cooperations() == null ? List.of() : in.cooperations();
        for (int k = 0; k < coops.size(); k++) {
            var c = coops.get(k);
            if (c.validUntil() != null && c.validUntil().isBefore(c.signedOn())) {
                errors.add(new Problem.FieldError("cooperations[" + k + "].validUntil", FieldMessage.of("must not be before signedOn", "field.INVALID.before", "signedOn")));
            }
        }
        if (in.capacity() != null && in.capacity().year() != null && in.capacity().year() > LocalDate.now(clock).getYear()) {
            errors.add(new Problem.FieldError("capacity.year", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        i.name = in.name().trim();
        i.kind = in.kind();
        i.buildMode = in.buildMode();
        if (!i.participants.equals(codes)) {
            // a new list is written whole (rows deleted, then inserted): updated in place position by position, a
            // participant moving to another position would meet its own old row in the (institution, credit code) key
            i.participants = new ArrayList<>(codes);
        }
        i.cooperations.clear();
        for (var c : coops) {
            Institution.CooperationRow row = new Institution.CooperationRow();
            row.partner = c.partner().trim();
            row.partnerKind = c.partnerKind();
            row.signedOn = c.signedOn();
            row.validUntil = c.validUntil();
            row.activities = c.activities() == null || c.activities().isBlank() ? null : c.activities().trim();
            i.cooperations.add(row);
        }
        var p = in.platform();
        i.platformName = p == null ? null : p.name().trim();
        i.platformKind = p == null ? null : p.kind();
        i.platformCertification = p == null ? null : p.certificationLevel();
        var a = in.serviceAgreement();
        i.agreementExpert = a == null ? null : a.expert().trim();
        i.agreementSignedOn = a == null ? null : a.signedOn();
        i.agreementValidUntil = a == null ? null : a.validUntil();
        i.updatedAt = Instant.now(clock);
    }

    private void putCapacity(Institution i, CapacityInput in) {
        int year = in.year() == null ? LocalDate.now(clock).getYear() : in.year();
        if (year > LocalDate.now(clock).getYear()) {
            throw ApiException.invalid("year", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date"));
        }
        InstitutionCapacity c = InstitutionCapacity.findById(new InstitutionYear(i.id, year));
        boolean created = c == null;
        if (created) {
            c = new InstitutionCapacity();
            c.institutionId = i.id;
            c.year = year;
        }
        c.capacity = CapacityMapper.columns(in);
        c.updatedAt = Instant.now(clock);
        if (created) {
            c.persist();
        }
    }

    InstitutionView view(Institution i) {
        return views(List.of(i)).get(0);
    }

    /** Views of a page of institutions: their participant enterprises and latest capacities in two queries. */
    List<InstitutionView> views(List<Institution> institutions) {
        if (institutions.isEmpty()) {
            return List.of();
        }
        Set<String> codes = new HashSet<>();
        List<UUID> ids = new ArrayList<>(institutions.size());
        for (Institution i : institutions) {
            codes.addAll(i.participants);
            ids.add(i.id);
        }
        Map<String, Enterprise> enterprises = new HashMap<>();
        for (Enterprise e : Enterprise.<Enterprise>list("creditCode in ?1", codes)) {
            enterprises.put(e.creditCode, e);
        }
        Set<String> confirmed = new HashSet<>();
        if (caller.scopedToEnterprise()) {
            for (ParticipantConsent c : ParticipantConsent.<ParticipantConsent>list("institutionId in ?1", ids)) {
                confirmed.add(c.institutionId + "/" + c.creditCode);
            }
            // an enterprise sees nothing of a participant that has not confirmed beyond the code it declared
            enterprises.keySet().removeIf(code -> !code.equals(caller.creditCode())
                    && institutions.stream().noneMatch(i -> i.participants.contains(code) && confirmed.contains(i.id + "/" + code)));
        }
        Map<UUID, InstitutionCapacity> latest = new HashMap<>();
        for (InstitutionCapacity c : InstitutionCapacity.<InstitutionCapacity>list("institutionId in ?1 order by year desc", ids)) {
            latest.putIfAbsent(c.institutionId, c);
        }
        List<InstitutionView> views = new ArrayList<>(institutions.size());
        for (Institution i : institutions) {
            views.add(view(i, enterprises, latest.get(i.id)));
        }
        return views;
    }

    private InstitutionView view(Institution i, Map<String, Enterprise> enterprises, InstitutionCapacity latest) {
        List<InstitutionView.ParticipantView> participants = new ArrayList<>();
        for (String code : i.participants) {
            Enterprise e = enterprises.get(code);
            Regions.RegionView r = e == null ? null : regions.get(e.regionCode);
            participants.add(new InstitutionView.ParticipantView(code, e == null ? null : e.name,
                    e == null ? null : e.regionCode, r == null ? null : r.name()));
        }
        List<InstitutionView.CooperationView> coops = i.cooperations.stream()
                .map(c -> new InstitutionView.CooperationView(c.partner, c.partnerKind, c.signedOn, c.validUntil, c.activities))
                .toList();
        return new InstitutionView(i.id.toString(), i.name, i.kind, i.buildMode, List.copyOf(i.participants), participants,
                latest == null ? null : CapacityMapper.view(latest.year, latest.capacity), coops,
                i.platformKind == null ? null : new InstitutionView.PlatformView(i.platformName, i.platformKind, i.platformCertification),
                i.agreementSignedOn == null ? null : new InstitutionView.AgreementView(i.agreementExpert, i.agreementSignedOn, i.agreementValidUntil),
                i.status, i.recognizedOn, i.revokedOn, i.createdAt, i.updatedAt, i.version);
    }
}
