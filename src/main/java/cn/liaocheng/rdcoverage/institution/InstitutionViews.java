package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.capacity.CapacityMapper;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The served shape of institutions ({@link InstitutionView}): each participant with its enterprise's name and region,
 * the latest declared capacity, cooperations, platform and agreement. An ENTERPRISE caller sees of another participant
 * that has not confirmed taking part only the credit code it declared (issue 12).
 */
@ApplicationScoped
public class InstitutionViews {
    @Inject Regions regions;
    @Inject Caller caller;

    /** The view of one institution. */
    public InstitutionView view(Institution i) {
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
        Map<String, Enterprise> enterprises = visibleEnterprises(institutions, codes, ids);
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

    /** The participant enterprises by credit code, without those an enterprise caller may not see yet. */
    private Map<String, Enterprise> visibleEnterprises(List<Institution> institutions, Set<String> codes, List<UUID> ids) {
        Map<String, Enterprise> enterprises = new HashMap<>();
        for (Enterprise e : Enterprise.<Enterprise>list("creditCode in ?1", codes)) {
            enterprises.put(e.creditCode, e);
        }
        if (caller.scopedToEnterprise()) {
            Set<String> confirmed = new HashSet<>();
            for (ParticipantConsent c : ParticipantConsent.<ParticipantConsent>list("institutionId in ?1", ids)) {
                confirmed.add(c.institutionId + "/" + c.creditCode);
            }
            // an enterprise sees nothing of a participant that has not confirmed beyond the code it declared
            enterprises.keySet().removeIf(code -> !code.equals(caller.creditCode())
                    && institutions.stream().noneMatch(i -> i.participants.contains(code) && confirmed.contains(i.id + "/" + code)));
        }
        return enterprises;
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
