package cn.liaocheng.rdcoverage.review.summary;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.award.Award;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.review.Application;
import cn.liaocheng.rdcoverage.review.ApplicationStatus;
import cn.liaocheng.rdcoverage.review.Round;
import cn.liaocheng.rdcoverage.review.summary.RoundSummary.AnnouncementEntry;
import cn.liaocheng.rdcoverage.review.summary.RoundSummary.Basis;
import cn.liaocheng.rdcoverage.review.summary.RoundSummary.Recognition;
import cn.liaocheng.rdcoverage.review.summary.RoundSummary.RegionTotals;
import cn.liaocheng.rdcoverage.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the round summary and the announcement from a handful of set queries (no per-application lookups). */
@ApplicationScoped
public class RoundSummaryService {
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Regions regions;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    private record Decided(UUID applicationId, UUID institutionId, String regionCode, LocalDate decidedOn, String policyId,
                           String capacitySource, boolean override, String overrideReason, String result) {
    }

    private record Inst(String name, BuildMode buildMode) {
    }

    private record Ent(String name, String regionCode) {
    }

    /** Recognitions by region, institution name (absent ones last), application and credit code. */
    private static final Comparator<Recognition> RECOGNITION_ORDER =
            Comparator.comparing(Recognition::regionCode, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                    .thenComparing(Recognition::institutionName, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Recognition::applicationId).thenComparing(Recognition::creditCode);

    @Transactional
    public RoundSummary summary(String roundId) {
        Round round = findRound(roundId);
        String scope = this.scope.reportRegions() == null ? null : String.valueOf(this.scope.ownRegion());
        Map<String, Map<ApplicationStatus, Long>> byRegion = statusCounts(round.id, scope);
        List<Recognition> withAwards = withAwards(recognitions(round.id, scope));

        List<RegionTotals> blocks = new ArrayList<>();
        for (Regions.RegionView region : regions.all()) {
            if (scope != null && !scope.equals(region.code())) {
                continue;
            }
            Map<ApplicationStatus, Long> counts = byRegion.getOrDefault(region.code(), Map.of());
            List<Recognition> here = withAwards.stream().filter(r -> region.code().equals(r.regionCode())).toList();
            long institutions = counts.getOrDefault(ApplicationStatus.RECOGNIZED, 0L);
            blocks.add(totals(region.code(), region.name(), counts, institutions, here));
        }
        RegionTotals city = null;
        if (scope == null) {
            Map<ApplicationStatus, Long> all = new EnumMap<>(ApplicationStatus.class);
            byRegion.values().forEach(m -> m.forEach((s, n) -> all.merge(s, n, Long::sum)));
            city = totals(null, null, all, all.getOrDefault(ApplicationStatus.RECOGNIZED, 0L), withAwards);
        }
        return new RoundSummary(round.id, round.status, Instant.now(clock), blocks, city, withAwards);
    }

    /** The round's applications counted by region and status, in the caller's region only when scoped to one. */
    private static Map<String, Map<ApplicationStatus, Long>> statusCounts(String roundId, String scope) {
        Map<String, Map<ApplicationStatus, Long>> byRegion = new HashMap<>();
        var statusCounts = Application.getEntityManager().createQuery("select a.regionCode, a.status, count(a) from Application a "
                + "where a.roundId = :round" + (scope == null ? "" : " and a.regionCode = :scope")
                + " group by a.regionCode, a.status", Object[].class).setParameter("round", roundId);
        if (scope != null) {
            statusCounts.setParameter("scope", scope);
        }
        for (Object[] row : statusCounts.getResultList()) {
            byRegion.computeIfAbsent((String) row[0], k -> new EnumMap<>(ApplicationStatus.class))
                    .put((ApplicationStatus) row[1], (Long) row[2]);
        }
        return byRegion;
    }

    /** Each recognition with its participant's city award (and its status) and county supplement, cancelled ones aside. */
    private List<Recognition> withAwards(List<Recognition> recognitions) {
        Map<UUID, List<Award>> awards = awardsOf(recognitions.stream().map(r -> UUID.fromString(r.applicationId())).distinct().toList());
        List<Recognition> withAwards = new ArrayList<>(recognitions.size());
        for (Recognition r : recognitions) {
            withAwards.add(withAward(r, awards.getOrDefault(UUID.fromString(r.applicationId()), List.of())));
        }
        return withAwards;
    }

    private static Recognition withAward(Recognition r, List<Award> awardsOfApplication) {
        BigDecimal city = null;
        BigDecimal county = null;
        Award.AwardStatus status = null;
        for (Award w : awardsOfApplication) {
            if (!w.creditCode.equals(r.creditCode())) {
                continue;
            }
            if (w.program == Award.Program.CITY_FIRST_RECOGNITION) {
                city = w.amount;
                status = w.status;
            } else {
                county = w.amount;
            }
        }
        return new Recognition(r.applicationId(), r.regionCode(), r.regionName(), r.creditCode(), r.enterpriseName(),
                r.institutionId(), r.institutionName(), r.buildMode(), r.sizeClass(), r.decidedOn(), r.policyId(), r.basis(),
                r.inspectionId(), r.override(), r.overrideReason(), city, status, county, sum(city, county));
    }

    @Transactional
    public RoundSummary.Announcement announcement(String roundId) {
        Round round = findRound(roundId);
        List<AnnouncementEntry> items = recognitions(round.id, null).stream()
                .map(r -> new AnnouncementEntry(r.enterpriseName(), r.institutionName(), r.buildMode(), r.regionCode(), r.regionName()))
                .toList();
        return new RoundSummary.Announcement(round.id, items);
    }

    private RegionTotals totals(String code, String name, Map<ApplicationStatus, Long> counts, long institutions,
                                Collection<Recognition> rows) {
        Map<ApplicationStatus, Long> full = new EnumMap<>(ApplicationStatus.class);
        long total = 0;
        for (ApplicationStatus s : ApplicationStatus.values()) {
            long n = counts.getOrDefault(s, 0L);
            full.put(s, n);
            total += n;
        }
        BigDecimal city = BigDecimal.ZERO;
        BigDecimal county = BigDecimal.ZERO;
        for (Recognition r : rows) {
            city = r.cityAward() == null ? city : city.add(r.cityAward());
            county = r.countySupplement() == null ? county : county.add(r.countySupplement());
        }
        long enterprises = rows.stream().map(Recognition::creditCode).distinct().count(); // 认定企业数: an enterprise of two recognised institutions counts once
        return new RegionTotals(code, name, full, total, institutions, enterprises, city, county, city.add(county));
    }

    /** One row per participant of each recognised application of the round, ordered by region, institution, enterprise. */
    private List<Recognition> recognitions(String roundId, String scope) {
        List<Decided> decided = decided(roundId, scope);
        if (decided.isEmpty()) {
            return List.of();
        }
        Map<UUID, Inst> institutions = institutionsOf(decided);
        Map<UUID, JsonNode> results = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (Decided d : decided) {
            JsonNode result = read(d.result());
            results.put(d.applicationId(), result);
            result.path("participants").forEach(p -> codes.add(p.path("creditCode").asText()));
        }
        Map<String, Ent> enterprises = enterprisesOf(codes);
        Map<String, String> regionNames = new LinkedHashMap<>();
        regions.all().forEach(r -> regionNames.put(r.code(), r.name()));
        List<Recognition> rows = new ArrayList<>();
        for (Decided d : decided) {
            Inst inst = institutions.getOrDefault(d.institutionId(), new Inst(null, null));
            for (JsonNode p : results.get(d.applicationId()).path("participants")) {
                rows.add(recognition(d, inst, p, enterprises, regionNames));
            }
        }
        rows.sort(RECOGNITION_ORDER);
        return rows;
    }

    /** The round's recognised applications with their decisions, in the caller's region only when scoped to one. */
    private static List<Decided> decided(String roundId, String scope) {
        var query = Application.getEntityManager().createQuery("select a.id, a.institutionId, a.regionCode, a.decidedOn, "
                        + "a.decisionPolicyId, a.decisionCapacitySource, a.overrideApplied, a.overrideReason, a.decisionResult "
                        + "from Application a where a.roundId = :round and a.status = :recognized"
                        + (scope == null ? "" : " and a.regionCode = :scope"), Object[].class)
                .setParameter("round", roundId).setParameter("recognized", ApplicationStatus.RECOGNIZED);
        if (scope != null) {
            query.setParameter("scope", scope);
        }
        return query.getResultList().stream()
                .map(r -> new Decided((UUID) r[0], (UUID) r[1], (String) r[2], (LocalDate) r[3], (String) r[4], (String) r[5],
                        (Boolean) r[6], (String) r[7], (String) r[8]))
                .toList();
    }

    private static Map<UUID, Inst> institutionsOf(List<Decided> decided) {
        Map<UUID, Inst> institutions = new HashMap<>();
        for (List<UUID> ids : chunks(decided.stream().map(Decided::institutionId).distinct().toList())) {
            for (Object[] r : Institution.getEntityManager().createQuery("select i.id, i.name, i.buildMode from Institution i where i.id in :ids",
                    Object[].class).setParameter("ids", ids).getResultList()) {
                institutions.put((UUID) r[0], new Inst((String) r[1], (BuildMode) r[2]));
            }
        }
        return institutions;
    }

    private static Map<String, Ent> enterprisesOf(List<String> codes) {
        Map<String, Ent> enterprises = new HashMap<>();
        for (List<String> some : chunks(codes.stream().distinct().toList())) {
            for (Object[] r : Enterprise.getEntityManager().createQuery("select e.creditCode, e.name, e.regionCode from Enterprise e "
                    + "where e.creditCode in :codes", Object[].class).setParameter("codes", some).getResultList()) {
                enterprises.put((String) r[0], new Ent((String) r[1], (String) r[2]));
            }
        }
        return enterprises;
    }

    /**
     * One participant's row: the enterprise's current region (the application's when the enterprise is gone), and the
     * basis VERIFIED with the inspection's id when the decision's capacity came from an on-site inspection.
     */
    private static Recognition recognition(Decided d, Inst inst, JsonNode participant, Map<String, Ent> enterprises,
            Map<String, String> regionNames) {
        boolean verified = d.capacitySource() != null && d.capacitySource().startsWith("ON_SITE_INSPECTION");
        String inspection = verified ? d.capacitySource().substring("ON_SITE_INSPECTION".length()).trim() : null;
        String code = participant.path("creditCode").asText();
        Ent e = enterprises.getOrDefault(code, new Ent(null, d.regionCode()));
        SizeClass size = participant.hasNonNull("sizeClass") ? SizeClass.valueOf(participant.get("sizeClass").asText()) : null;
        return new Recognition(d.applicationId().toString(), e.regionCode(), regionNames.get(e.regionCode()), code, e.name(),
                d.institutionId().toString(), inst.name(), inst.buildMode(), size, d.decidedOn(), d.policyId(),
                verified ? Basis.VERIFIED : Basis.DECLARED, inspection, d.override(), d.overrideReason(), null, null, null, null);
    }

    private Map<UUID, List<Award>> awardsOf(List<UUID> applicationIds) {
        Map<UUID, List<Award>> out = new HashMap<>();
        for (List<UUID> ids : chunks(applicationIds)) {
            for (Award w : Award.<Award>list("applicationId in ?1 and status <> ?2", ids, Award.AwardStatus.CANCELLED)) {
                out.computeIfAbsent(w.applicationId, k -> new ArrayList<>()).add(w);
            }
        }
        return out;
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        if (a == null && b == null) {
            return null;
        }
        return (a == null ? BigDecimal.ZERO : a).add(b == null ? BigDecimal.ZERO : b);
    }

    private JsonNode read(String text) {
        try {
            return text == null ? json.createObjectNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            out.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return out;
    }

    private static Round findRound(String id) {
        Round r = id == null ? null : Round.findById(id);
        if (r == null) {
            throw ApiException.notFound("Round", id);
        }
        return r;
    }
}
