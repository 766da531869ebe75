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
 * The scope of an event, by the same rules the resources' GETs apply (one place: read it next to
 * {@code Caller.sees}, {@code InstitutionService.visible} and the list filters):
 * <ul>
 *   <li>enterprise, figures, award: the enterprise's credit code and its region;</li>
 *   <li>institution, designation, indicators: every participant and every participant's region;</li>
 *   <li>application: the participants and the application's region; inspection: the application's region only
 *       (enterprises do not read inspections);</li>
 *   <li>target, policy, round, award-policy (a county's supplement): every caller;</li>
 *   <li>supervision-group: the regions it covers; follow-up: the enterprise's region only (enterprises do not read them).</li>
 * </ul>
 * Computed from the view being published (for a deletion: the view before it), inside the writing transaction.
 */
@ApplicationScoped
public class Scopes {
    @Inject
    EntityManager em;

    public Scope of(EventType type, JsonNode view) {
        return switch (type.kind()) {
            case "target", "policy" -> Scope.EVERYONE;
            case "enterprise", "award" -> Scope.of(List.of(text(view, "regionCode")), List.of(text(view, "creditCode")));
            case "figures" -> {
                String code = text(view, "creditCode");
                yield Scope.of(regionsOf(List.of(code)), List.of(code));
            }
            case "institution" -> {
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
                yield Scope.of(regions, codes);
            }
            case "designation", "indicators" -> {
                List<String> codes = participants(text(view, "institutionId"));
                yield Scope.of(regionsOf(codes), codes);
            }
            case "application" -> Scope.of(List.of(text(view, "regionCode")), participants(text(view, "institutionId")));
            case "inspection" -> {
                Application a = find(Application.class, text(view, "applicationId"));
                yield Scope.of(a == null ? List.of() : List.of(a.regionCode), List.of());
            }
            // g16: rounds and county supplements are read by every authenticated caller; supervision groups by the
            // counties they cover; follow-ups by the enterprise's county (enterprises do not read follow-ups)
            case "round", "award-policy" -> Scope.EVERYONE;
            case "supervision-group" -> {
                List<String> regions = new ArrayList<>();
                for (JsonNode r : view.path("regions")) {
                    regions.add(text(r, "regionCode"));
                }
                yield Scope.of(regions, List.of());
            }
            case "follow-up" -> Scope.of(regionsOf(List.of(text(view, "creditCode"))), List.of());
            default -> throw new IllegalArgumentException("no scope rule for " + type);
        };
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
