package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Provincial and national designations of an institution and their revocation (被撤销或摘牌), and the revocation
 * of a recognised institution (a revocation dated not after today: 400 otherwise). Scope comes from {@link InstitutionService#find(String)}: 404 outside it.
 */
@ApplicationScoped
public class DesignationService {
    @Inject cn.liaocheng.rdcoverage.coverage.CoverageLedger ledger;
    @jakarta.inject.Inject Changes changes; // the change feed (issue 16)

    @Inject InstitutionService institutions;
    @Inject InstitutionViews views;
    @Inject RevokedAwards revokedAwards;
    @Inject Clock clock;

    public List<DesignationView> list(String institutionId) {
        Institution i = institutions.find(institutionId);
        return Designation.<Designation>list("institutionId = ?1 order by grantedOn, id", i.id)
                .stream().map(DesignationView::of).toList();
    }

    public DesignationView get(String institutionId, String designationId) {
        return DesignationView.of(find(institutions.find(institutionId), designationId));
    }

    @Transactional
    public DesignationView add(String institutionId, DesignationInput input) {
        Institution i = institutions.find(institutionId);
        if (i.status == InstitutionStatus.REVOKED) {
            throw ApiException.conflict("institution-revoked", "Institution " + i.id + " was revoked on " + i.revokedOn
                    + "; a revoked institution takes no new designation").zh("detail.institution-revoked.designation", i.id, i.revokedOn);
        }
        Instant now = Instant.now(clock);
        Designation d = new Designation();
        d.institutionId = i.id;
        d.level = input.level();
        d.program = input.program().trim();
        d.grantedOn = input.grantedOn();
        d.createdAt = now;
        i.updatedAt = now; // a change to a child moves the parent's updatedAt, so that updatedSince syncs see it
        d.persist();
        Designation.flush();
        return changes.recorded(EventType.DESIGNATION_GRANTED, d.id, DesignationView.of(d));
    }

    @Transactional
    public DesignationView revoke(String institutionId, String designationId, RevocationInput input, String ifMatch) {
        Institution institution = institutions.find(institutionId);
        Designation d = find(institution, designationId);
        ETags.checkIfMatch(ifMatch, d.version);
        if (d.revokedOn != null) {
            throw ApiException.conflict("already-revoked", "Designation " + d.id + " was already revoked on " + d.revokedOn,
                    Map.of("revokedOn", d.revokedOn.toString())).zh("detail.already-revoked.designation", d.id, d.revokedOn);
        }
        requireNotFuture(input.revokedOn());
        if (input.revokedOn().isBefore(d.grantedOn)) {
            throw ApiException.invalid("revokedOn", FieldMessage.of("must not be before grantedOn (" + d.grantedOn + ")", "field.INVALID.before-date", "grantedOn", d.grantedOn));
        }
        d.revokedOn = input.revokedOn();
        d.revocationReason = input.reason().trim();
        d.updatedAt = Instant.now(clock);
        institution.updatedAt = d.updatedAt; // the parent's updatedAt moves with its child
        Designation.flush();
        return changes.recorded(EventType.DESIGNATION_REVOKED, d.id, DesignationView.of(d));
    }

    /**
     * Revokes a RECOGNIZED institution from {@code revokedOn} (anything else is 409): coverage ends that day, and its
     * awards not yet paid are cancelled with the revocation as reason ({@link RevokedAwards}).
     */
    @Transactional
    public InstitutionView revokeInstitution(String institutionId, RevocationInput input, String ifMatch) {
        Institution i = institutions.find(institutionId);
        ETags.checkIfMatch(ifMatch, i.version);
        if (i.status != InstitutionStatus.RECOGNIZED) {
            throw ApiException.conflict("not-recognized", "Institution " + i.id + " is " + i.status
                    + "; only a RECOGNIZED institution can be revoked", Map.of("institutionStatus", i.status.name())).zh("detail.not-recognized.revoke", i.id, i.status);
        }
        requireNotFuture(input.revokedOn());
        if (i.recognizedOn != null && input.revokedOn().isBefore(i.recognizedOn)) {
            throw ApiException.invalid("revokedOn", FieldMessage.of("must not be before recognizedOn (" + i.recognizedOn + ")", "field.INVALID.before-date", "recognizedOn", i.recognizedOn));
        }
        i.status = InstitutionStatus.REVOKED;
        i.revokedOn = input.revokedOn();
        i.revocationReason = input.reason().trim();
        i.updatedAt = Instant.now(clock);
        Institution.flush();
        ledger.refresh(i.participants);
        InstitutionView revoked = changes.recorded(EventType.INSTITUTION_REVOKED, i.id, views.view(i));
        revokedAwards.cancelUnpaid(i.id, i.revokedOn, i.revocationReason);
        return revoked;
    }

    /**
     * A revocation is recorded when it has happened: {@code revokedOn} after today (Asia/Shanghai) is a 400 naming it,
     * as for every other date of the workflow (a future date would flip the status now and the coverage only later).
     */
    private void requireNotFuture(LocalDate revokedOn) {
        LocalDate today = LocalDate.now(clock);
        if (revokedOn.isAfter(today)) {
            throw ApiException.invalid("revokedOn", FieldMessage.afterToday(today));
        }
    }

    private static Designation find(Institution i, String rawId) {
        return Where.findOr404("Designation", rawId, id -> Designation.findById(id), d -> d.institutionId.equals(i.id));
    }
}
