package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
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
import cn.liaocheng.rdcoverage.policy.Policies;
import cn.liaocheng.rdcoverage.coverage.CoverageLedger;
import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.security.AuditHistory;
import cn.liaocheng.rdcoverage.security.Caller;
import org.hibernate.envers.query.AuditEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * R&amp;D institutions, the aggregate's lifecycle and reads: declaration, replacement, a city officer's correction,
 * the historic register, deletion, history, the list in the caller's scope, and the evaluation against the policy.
 * The input checks are {@link InstitutionDeclaration}'s, frozen facts {@link FrozenFacts}', consents
 * {@link ParticipantConsents}', yearly capacity {@link InstitutionCapacities}' and the served shape
 * {@link InstitutionViews}'. Outside the caller's scope an institution is a 404 ({@link #find}).
 */
@ApplicationScoped
public class InstitutionService {
    @Inject CoverageLedger ledger;

    @Inject
    Changes changes; // the change feed (issue 16)

    static final Map<String, String> SORTABLE = Map.of(
            "name", "i.name", "kind", "i.kind", "buildMode", "i.buildMode", "status", "i.status",
            "recognizedOn", "i.recognizedOn", "createdAt", "i.createdAt", "updatedAt", "i.updatedAt");

    @Inject InstitutionDeclaration declaration;
    @Inject HistoricEntries historic;
    @Inject FrozenFacts frozen;
    @Inject ParticipantConsents consents;
    @Inject InstitutionCapacities capacities;
    @Inject InstitutionViews views;
    @Inject Policies policies;
    @Inject ParticipantFacts participantFacts;
    @Inject Clock clock;
    @Inject Regions regions;
    @Inject Caller caller;

    /** What the caller sees and acts for (one definition per kind). */
    @Inject Scope scope;
    @Inject AuditHistory audit;

    public InstitutionView get(String rawId) {
        return views.view(find(rawId));
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
                    "region", regions.code("regionCode", filter.regionCode));
        }
        w.updatedSince("i", filter.updatedSince);
        String order = Sorting.orderBy(paging.sort, SORTABLE, "i.id");
        return paging.ofRows(Institution.<Institution>find("from Institution i" + w.clause() + " order by " + order, w.params()),
                views::views);
    }

    @Transactional
    public InstitutionView create(InstitutionInput input) {
        Institution i = new Institution();
        i.status = InstitutionStatus.DECLARED;
        i.createdAt = Instant.now(clock);
        declaration.apply(i, input);
        i.persist();
        putCapacity(i, input.capacity());
        consents.sync(i, Set.of());
        Institution.flush();
        return changes.recorded(EventType.INSTITUTION_CREATED, i.id, views.view(i));
    }

    /**
     * Loads the historic register (institutions recognised before go-live, with their real dates) all or nothing:
     * every entry is checked as a declaration would be, plus recognizedOn within the register's range
     * ({@link HistoricEntries}); the problems of every
     * entry are returned together (fields prefixed {@code institutions[k].}) and nothing is stored. Stored
     * institutions are RECOGNIZED on their date; no award is proposed (awards of that time were paid outside the
     * service). The audit trail records the city officer who loaded them. An entry already stored is a 409: the
     * register is loaded once.
     */
    @Transactional
    public HistoricRegister.Result loadHistoric(HistoricRegister register) {
        List<Institution> valid = checkedHistoric(register);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < valid.size(); k++) {
            Institution i = valid.get(k);
            i.persist();
            putCapacity(i, register.institutions().get(k).institution().capacity());
            changes.record(EventType.INSTITUTION_CREATED, i.id, () -> views.view(i));
            ids.add(i.id.toString());
        }
        Institution.flush();
        ledger.refresh(valid.stream().flatMap(i -> i.participants.stream()).toList());
        return new HistoricRegister.Result(ids.size(), ids);
    }

    /** The register's entries as RECOGNIZED institutions, not stored yet; a 400 naming every problem of every entry. */
    private List<Institution> checkedHistoric(HistoricRegister register) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Institution> valid = new ArrayList<>();
        for (int k = 0; k < register.institutions().size(); k++) {
            HistoricRegister.Entry entry = register.institutions().get(k);
            String prefix = "institutions[" + k + "].";
            List<Problem.FieldError> own = historic.problems(k, entry);
            errors.addAll(own);
            if (own.stream().anyMatch(e -> !e.field().startsWith(prefix + "recognizedOn"))) {
                continue;                            // its declaration is checked once its constraints hold
            }
            Institution i = new Institution();
            i.status = InstitutionStatus.RECOGNIZED;
            i.recognizedOn = entry.recognizedOn();
            i.createdAt = Instant.now(clock);
            try {
                declaration.apply(i, entry.institution());
                valid.add(i);
            } catch (ApiException e) {
                addPrefixed(errors, prefix + "institution", e);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        historic.requireNotLoaded(valid);
        return valid;
    }

    /** The problems of one entry under {@code field} (its field errors as {@code field.x}, else its message). */
    private static void addPrefixed(List<Problem.FieldError> errors, String field, ApiException e) {
        if (e.errors().isEmpty()) {
            errors.add(new Problem.FieldError(field, e.getMessage()));
        }
        for (Problem.FieldError f : e.errors()) {
            errors.add(new Problem.FieldError(field + "." + f.field(), f.message()));
        }
    }

    @Transactional
    public InstitutionView replace(String rawId, InstitutionInput input, String ifMatch) {
        Institution i = find(rawId);
        ETags.checkIfMatch(ifMatch, i.version);
        frozen.refuse(i, frozen.changes(i, input));
        return update(i, input, null);
    }

    /**
     * A city officer's correction of facts a decision rested on (build mode, participants, declared capacity): the
     * same checks as a declaration, and the reason kept with the institution and in its audit trail.
     */
    @Transactional
    public InstitutionView correct(String rawId, InstitutionInput input, String reason, String ifMatch) {
        Institution i = find(rawId);
        ETags.checkIfMatch(ifMatch, i.version);
        return update(i, input, reason.trim());
    }

    /** A replacement or correction ({@code correctionReason} not null): input, capacity, consents, coverage, event. */
    private InstitutionView update(Institution i, InstitutionInput input, String correctionReason) {
        Set<String> before = new HashSet<>(i.participants);
        declaration.apply(i, input);
        putCapacity(i, input.capacity());
        consents.sync(i, before);
        if (correctionReason != null) {
            i.correctionReason = correctionReason;
        }
        Institution.flush();
        // coverage rows of the participants before and after the change (issue #20), in this transaction
        Set<String> codes = new HashSet<>(before);
        codes.addAll(i.participants);
        ledger.refresh(codes);
        return changes.recorded(EventType.INSTITUTION_UPDATED, i.id, views.view(i));
    }

    /** The capacity given with a declaration, if any. */
    private void putCapacity(Institution i, CapacityInput capacity) {
        if (capacity != null) {
            capacities.put(i, capacity);
        }
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
        changes.deleted(EventType.INSTITUTION_DELETED, i.id, views.view(i));
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

    /** Evaluates the stored institution on {@code asOf} with the policy then in force. */
    public Result eligibility(String rawId, LocalDate asOf) {
        Institution i = find(rawId);
        if (caller.scopedToEnterprise()) {
            consents.require(i); // the other participants' size class and award status only once they have confirmed
        }
        return evaluate(i, asOf, null);
    }

    /**
     * The facts of an institution on a date: its participants as {@link ParticipantFacts} gives them (规上 in the
     * statistical year of the date, size class, earlier award and recognition), the capacity declared for that year
     * (else the latest earlier one) unless {@code capacityOverride} is given (e.g. verified on site), the
     * cooperations, platform and agreement.
     */
    public Result evaluate(Institution i, LocalDate asOf, Capacity capacityOverride) {
        var policy = policies.inForce(asOf);
        List<Participant> participants = participantFacts.of(i, asOf);
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
        return Where.findOr404("Institution", rawId, id -> Institution.findById(id), this::visible);
    }

    /** Whether the caller's scope covers the institution ({@link Scope#institution}). */
    boolean visible(Institution i) {
        return scope.institution(i.participants);
    }
}
