package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.enterprise.CreditCode;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An institution's declaration as input: the checks every declaration, replacement, correction and historic entry
 * passes, and the mapping of the input onto the entity. Owns the structural rules of the build modes (SINGLE: one
 * participant; JOINT: two or more distinct; INDUSTRY: a platform and a service agreement, which no other mode has),
 * the participants' credit codes (well formed, listed once, registered), the caller's right to declare for them
 * (403, asked before registration so that the answer never tells which codes exist: issue #12) and the date order of
 * agreements and cooperations. Problems come as one 400 naming every field ({@code participants[k]},
 * {@code cooperations[k].validUntil}, ...).
 */
@ApplicationScoped
public class InstitutionDeclaration {
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;

    /** Checks {@code in} and writes it onto {@code i} (name, mode, participants, cooperations, platform, agreement). */
    void apply(Institution i, InstitutionInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        List<String> codes = participantCodes(in.participants(), distinct, errors);
        requireActsFor(codes, distinct, errors.isEmpty());
        unregistered(codes, errors);
        structure(in, codes.size(), distinct.size(), errors);
        dates(in, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        write(i, in, codes);
    }

    /** The normalised codes in their order; a malformed or repeated one is an error at {@code participants[k]}. */
    private static List<String> participantCodes(List<String> raw, Set<String> distinct, List<Problem.FieldError> errors) {
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            String code = CreditCode.normalise(raw.get(k));
            FieldMessage problem = CreditCode.problem(code);
            if (problem != null) {
                errors.add(new Problem.FieldError("participants[" + k + "]", problem));
            } else if (!distinct.add(code)) {
                errors.add(new Problem.FieldError("participants[" + k + "]", FieldMessage.of(code + " is listed twice", "field.DUPLICATE.participant", code)));
            }
            codes.add(code);
        }
        return codes;
    }

    /**
     * Scope before registration (issue #12, credit-code enumeration): a county officer or an enterprise naming only
     * codes outside its scope gets the same 403 whether they are registered or not, so that the answer never tells
     * which credit codes exist. The county's check waits for well-formed codes ({@code wellFormed}).
     */
    private void requireActsFor(List<String> codes, Set<String> distinct, boolean wellFormed) {
        if (wellFormed && !scope.actsForAny(codes)) {
            throw ApiException.forbidden("A county officer of " + caller.regionCode() + " declares institutions only for "
                    + "enterprises of its region; name at least one enterprise registered in " + caller.regionCode());
        }
        if (caller.scopedToEnterprise() && !distinct.contains(caller.creditCode())) {
            throw ApiException.forbidden("An enterprise may declare only institutions it takes part in; "
                    + caller.creditCode() + " is not among the participants");
        }
    }

    /** A well-formed code (its first occurrence) that names no registered enterprise. */
    private static void unregistered(List<String> codes, List<Problem.FieldError> errors) {
        for (int k = 0; k < codes.size(); k++) {
            String code = codes.get(k);
            if (CreditCode.problem(code) == null && codes.indexOf(code) == k && Enterprise.findById(code) == null) {
                errors.add(new Problem.FieldError("participants[" + k + "]", FieldMessage.of("enterprise " + code + " is not registered", "field.NOT_FOUND.enterprise", code)));
            }
        }
    }

    /** What each build mode needs: participants for SINGLE and JOINT, platform and agreement only for INDUSTRY. */
    private static void structure(InstitutionInput in, int participants, int distinct, List<Problem.FieldError> errors) {
        switch (in.buildMode()) {
            case SINGLE -> {
                if (participants != 1) {
                    errors.add(new Problem.FieldError("participants", FieldMessage.of("a SINGLE institution (企业单建) has exactly one participant", "field.INVALID.single")));
                }
            }
            case JOINT -> {
                if (distinct < 2) {
                    errors.add(new Problem.FieldError("participants", FieldMessage.of("a JOINT institution (多企联建) has at least two distinct participants", "field.INVALID.joint")));
                }
            }
            case INDUSTRY -> {
                industryPart(in.platform() == null, "platform", "is required for an INDUSTRY institution (产业共建)", "field.REQUIRED.industry", errors);
                industryPart(in.serviceAgreement() == null, "serviceAgreement", "is required for an INDUSTRY institution (产业共建)", "field.REQUIRED.industry", errors);
            }
        }
        if (in.buildMode() != BuildMode.INDUSTRY) {
            industryPart(in.platform() != null, "platform", "applies only to INDUSTRY institutions", "field.INVALID.industry-only", errors);
            industryPart(in.serviceAgreement() != null, "serviceAgreement", "applies only to INDUSTRY institutions", "field.INVALID.industry-only", errors);
        }
    }

    private static void industryPart(boolean wrong, String field, String message, String key, List<Problem.FieldError> errors) {
        if (wrong) {
            errors.add(new Problem.FieldError(field, FieldMessage.of(message, key)));
        }
    }

    /** An end not before its start (agreement, each cooperation); a capacity year not in the future. */
    private void dates(InstitutionInput in, List<Problem.FieldError> errors) {
        var agreement = in.serviceAgreement();
        if (agreement != null) {
            endNotBeforeStart("serviceAgreement.validUntil", agreement.signedOn(), agreement.validUntil(), errors);
        }
        List<InstitutionInput.CooperationInput> coops = cooperations(in);
        for (int k = 0; k < coops.size(); k++) {
            var c = coops.get(k);
            endNotBeforeStart("cooperations[" + k + "].validUntil", c.signedOn(), c.validUntil(), errors);
        }
        if (in.capacity() != null && in.capacity().year() != null && in.capacity().year() > LocalDate.now(clock).getYear()) {
            errors.add(new Problem.FieldError("capacity.year", FieldMessage.of("must not be in the future", "field.IN_FUTURE.date")));
        }
    }

    private static void endNotBeforeStart(String field, LocalDate signedOn, LocalDate validUntil, List<Problem.FieldError> errors) {
        if (validUntil != null && validUntil.isBefore(signedOn)) {
            errors.add(new Problem.FieldError(field, FieldMessage.of("must not be before signedOn", "field.INVALID.before", "signedOn")));
        }
    }

    private static List<InstitutionInput.CooperationInput> cooperations(InstitutionInput in) {
        return in.cooperations() == null ? List.of() : in.cooperations();
    }

    /** The checked input onto the entity; free texts trimmed, a blank activities text stored as null. */
    private void write(Institution i, InstitutionInput in, List<String> codes) {
        i.name = in.name().trim();
        i.kind = in.kind();
        i.buildMode = in.buildMode();
        if (!i.participants.equals(codes)) {
            // a new list is written whole (rows deleted, then inserted): updated in place position by position, a
            // participant moving to another position would meet its own old row in the (institution, credit code) key
            i.participants = new ArrayList<>(codes);
        }
        i.cooperations.clear();
        for (var c : cooperations(in)) {
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
}
