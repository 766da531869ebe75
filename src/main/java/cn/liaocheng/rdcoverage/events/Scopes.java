package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.review.Application;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The scope of an event, by the rules of {@link cn.liaocheng.rdcoverage.security.Scope} (the one definition the
 * resources' GETs and lists apply), fixed when the event is written:
 * <ul>
 *   <li>enterprise, figures: the enterprise's credit code and its region;</li>
 *   <li>institution, designation, indicators: every participant and every participant's region;</li>
 *   <li>application: the participants, the reviewing region and every participant's region; inspection: the same
 *       regions (enterprises do not read inspections);</li>
 *   <li>award: the enterprise, the paying region and the enterprise's current region;</li>
 *   <li>target, policy, round, award-policy (a county's supplement): every caller;</li>
 *   <li>supervision-group: the regions it covers; follow-up: the enterprise's region only (enterprises do not read them).</li>
 * </ul>
 * Computed from the view being published (for a deletion: the view before it), inside the writing transaction.
 */
@ApplicationScoped
public class Scopes {
    @Inject EntityManager em;

    public Scope of(EventType type, JsonNode view) {
        return switch (type.kind()) {
            case "target", "policy" -> Scope.EVERYONE;
            case "enterprise" -> Scope.of(List.of(text(view, "regionCode")), List.of(text(view, "creditCode")));
            case "award" -> award(view);
            case "figures" -> {
                String code = text(view, "creditCode");
                yield Scope.of(regionsOf(List.of(code)), List.of(code));
            }
            case "institution" -> institution(view);
            case "designation", "indicators" -> {
                List<String> codes = participants(text(view, "institutionId"));
                yield Scope.of(regionsOf(codes), codes);
            }
            case "application" -> application(view);
            case "inspection" -> inspection(view);
            // rounds and county supplements are read by every authenticated caller; supervision groups by the
            // counties they cover; follow-ups by the enterprise's county (enterprises do not read follow-ups)
            case "round", "award-policy" -> Scope.EVERYONE;
            case "supervision-group" -> supervisionGroup(view);
            case "follow-up" -> Scope.of(regionsOf(List.of(text(view, "creditCode"))), List.of());
            default -> throw new IllegalArgumentException("no scope rule for " + type);
        };
    }

    /** security.Scope#award: the paying county and the enterprise's current county. */
    private Scope award(JsonNode view) {
        List<String> regions = new ArrayList<>(regionsOf(List.of(String.valueOf(text(view, "creditCode")))));
        regions.add(text(view, "regionCode"));
        return Scope.of(regions, List.of(text(view, "creditCode")));
    }

    /** Every participant, and the regions the view gives for them (else their enterprises' current regions). */
    private Scope institution(JsonNode view) {
        List<String> codes = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (JsonNode p : view.path("participants")) {
            codes.add(p.isTextual() ? p.asText() : text(p, "creditCode"));
            if (p.has("regionCode")) {
                regions.add(text(p, "regionCode"));
            }
        }
        if (regions.isEmpty()) {
            regions.addAll(regionsOf(codes));
        }
        return Scope.of(regions, codes);
    }

    /** security.Scope#application: the reviewing county and every participant's county. */
    private Scope application(JsonNode view) {
        List<String> codes = participants(text(view, "institutionId"));
        List<String> regions = new ArrayList<>(regionsOf(codes));
        regions.add(text(view, "regionCode"));
        return Scope.of(regions, codes);
    }

    /** The regions of the inspected application; no credit codes (enterprises do not read inspections). */
    private Scope inspection(JsonNode view) {
        Application a = find(Application.class, text(view, "applicationId"));
        if (a == null) {
            return Scope.of(List.of(), List.of());
        }
        List<String> regions = new ArrayList<>(regionsOf(participants(a.institutionId.toString())));
        regions.add(a.regionCode);
        return Scope.of(regions, List.of());
    }

    /** The regions the supervision group covers. */
    private static Scope supervisionGroup(JsonNode view) {
        List<String> regions = new ArrayList<>();
        for (JsonNode r : view.path("regions")) {
            regions.add(text(r, "regionCode"));
        }
        return Scope.of(regions, List.of());
    }

    private List<String> participants(String institutionId) {
        Institution i = find(Institution.class, institutionId);
        return i == null ? List.of() : List.copyOf(i.participants);
    }

    private Collection<String> regionsOf(Collection<String> codes) {
        List<String> live = codes.stream().filter(c -> c != null).toList();
        if (live.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("select distinct e.regionCode from Enterprise e where e.creditCode in :codes", String.class)
                .setParameter("codes", live).getResultList();
    }

    private <T> T find(Class<T> type, String id) {
        if (id == null) {
            return null;
        }
        try {
            return em.find(type, UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
