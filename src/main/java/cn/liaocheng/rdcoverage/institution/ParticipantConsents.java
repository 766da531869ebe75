package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.enterprise.CreditCode;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Role;
import cn.liaocheng.rdcoverage.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consent of participants (issue 12, High 3): which participants of an institution have confirmed taking part
 * ({@link ParticipantConsent} rows), who confirms for whom, and the 409 {@code consent-pending} naming every participant
 * that has not (before a submission, or an enterprise's evaluation).
 */
@ApplicationScoped
public class ParticipantConsents {
    @Inject InstitutionService institutions;
    @Inject InstitutionViews views;
    @Inject Changes changes;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;

    /**
     * After the participants of {@code i} changed from {@code before}: a participant added by an enterprise has not
     * confirmed yet; the declaring enterprise itself has, and so has every participant a city officer declares (the
     * city acts for them) or a county officer declares for an enterprise of its region (it organises 申报 and may
     * confirm for it: issue #19). Confirmations of removed participants go; those of participants that stay are kept.
     */
    void sync(Institution i, Set<String> before) {
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
    public List<String> pending(Institution i) {
        Set<String> confirmed = new HashSet<>();
        for (ParticipantConsent c : ParticipantConsent.<ParticipantConsent>list("institutionId", i.id)) {
            confirmed.add(c.creditCode);
        }
        return i.participants.stream().filter(code -> !confirmed.contains(code)).toList();
    }

    /** 409 naming every participant that has not confirmed (before a submission, or an enterprise's evaluation). */
    public void require(Institution i) {
        List<String> pending = pending(i);
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
        Institution i = institutions.find(rawId);
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
        return changes.recorded(EventType.INSTITUTION_UPDATED, i.id, views.view(i));
    }
}
