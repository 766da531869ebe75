package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Immutable snapshots of the coverage report: on demand, and once per period by the scheduler. */
@ApplicationScoped
public class SnapshotService {
    private static final Logger LOG = Logger.getLogger(SnapshotService.class);

    @Inject ReportService reports;
    @Inject Caller caller;
    @Inject Clock clock;
    @Inject ObjectMapper json;
    @Inject jakarta.enterprise.event.Event<SnapshotTaking> taking;

    @Transactional
    public SnapshotView take(LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        if (asOf != null && asOf.isAfter(today)) {
            throw ApiException.unprocessable("future-snapshot", "A snapshot as of " + asOf + " (after today, " + today
                    + ") would freeze figures that can still change; take it on or after that day",
                    Map.of("field", "asOf", "asOf", asOf.toString(), "today", today.toString())).zh("detail.future-snapshot", asOf, today);
        }
        CoverageSnapshot s = store(reports.compute(asOf == null ? today : asOf), SnapshotKind.ON_DEMAND, null, caller.subject());
        return view(s, true);
    }

    @Inject cn.liaocheng.rdcoverage.common.RdConfig rd;

    /**
     * Takes every scheduled period still missing up to the previous month: a failed run, or months missed while the
     * service was down. It looks back from the first period ever taken (only the previous month when none was),
     * at most {@code rd.snapshots.catch-up-months} periods. Each period is still taken once across instances
     * (unique period). Returns the periods taken by this call.
     */
    public List<YearMonth> catchUp() {
        YearMonth due = YearMonth.now(clock).minusMonths(1);
        YearMonth floor = due.minusMonths(Math.max(1, rd.snapshots().catchUpMonths()) - 1L);
        String first = QuarkusTransaction.requiringNew().call(() -> CoverageSnapshot.getEntityManager()
                .createQuery("select min(s.period) from CoverageSnapshot s where s.period <= :due", String.class)
                .setParameter("due", due.toString()).getSingleResult());
        YearMonth start = first == null ? due : YearMonth.parse(first).isBefore(floor) ? floor : YearMonth.parse(first);
        List<YearMonth> taken = new ArrayList<>();
        for (YearMonth p = start; !p.isAfter(due); p = p.plusMonths(1)) {
            if (takeScheduled(p).isPresent()) {
                taken.add(p);
            }
        }
        return taken;
    }

    /**
     * The scheduled snapshot of a period (as of its last day). When another instance has already taken it, the
     * unique period makes this insert fail and it is ignored: empty. Empty too, and nothing stored, while no figures
     * of any year up to that day are loaded (a new installation): the period is taken by a later catch-up instead of
     * being kept for ever as a report of nothing.
     */
    public Optional<SnapshotView> takeScheduled(YearMonth period) {
        String key = period.toString();
        if (QuarkusTransaction.requiringNew().call(() -> CoverageSnapshot.count("period", key)) > 0) {
            return Optional.empty();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                CoverageReport report = reports.compute(period.atEndOfMonth());
                if (report.statisticalYear() == null) {
                    LOG.infof("Snapshot of %s not taken: no figures are loaded up to %s", key, period.atEndOfMonth());
                    return Optional.<SnapshotView>empty();
                }
                return Optional.of(view(store(report, SnapshotKind.SCHEDULED, key, "scheduler"), false));
            });
        } catch (RuntimeException e) {
            if (QuarkusTransaction.requiringNew().call(() -> CoverageSnapshot.count("period", key)) > 0) {
                LOG.infof("Snapshot of %s already taken by another instance", key);
                return Optional.empty();
            }
            throw e;
        }
    }

    public PageResult<SnapshotView> list(LocalDate from, LocalDate to, PageQuery paging) {
        paging.validate();
        Where w = where(from, to);
        return paging.of(CoverageSnapshot.<CoverageSnapshot>find("from CoverageSnapshot s" + w.clause()
                + " order by s.asOf desc, s.takenAt desc, s.id", w.params()), s -> view(s, false));
    }

    public SnapshotView get(String rawId) {
        return view(Where.findOr404("Snapshot", rawId, id -> CoverageSnapshot.findById(id)), true);
    }

    /** Snapshots whose stored report is read (and parsed) at a time by {@link #trend}. */
    static final int TREND_CHUNK = 50;

    /**
     * The city's (or a region's) figures of the snapshots taken as of a date in [from, to], oldest first: one point
     * per date and kind (SCHEDULED, ON_DEMAND), the latest taken of that date and kind. Bounded memory whatever the
     * number of snapshots: the points are chosen from the snapshots' keys alone, then the chosen snapshots' reports are
     * read {@value #TREND_CHUNK} at a time (never the stored indicators), each parsed and dropped once its line is kept.
     */
    public Trend trend(LocalDate from, LocalDate to, String regionCode) {
        String region = reports.scope(regionCode);
        Where w = where(from, to);
        Map<String, UUID> latest = new LinkedHashMap<>();
        var keys = CoverageSnapshot.getEntityManager().createQuery("select s.id, s.asOf, s.kind from CoverageSnapshot s"
                + w.clause() + " order by s.asOf, s.kind, s.takenAt, s.id", Object[].class);
        w.params().forEach(keys::setParameter);
        for (Object[] k : keys.getResultList()) {
            latest.put(k[1] + "/" + k[2], (UUID) k[0]);
        }
        List<UUID> ids = List.copyOf(latest.values());
        Map<UUID, TrendPoint> points = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i += TREND_CHUNK) {
            List<Object[]> chunk = CoverageSnapshot.getEntityManager().createQuery("""
                            select s.id, s.asOf, s.kind, s.takenAt, s.statisticalYear, s.report from CoverageSnapshot s
                            where s.id in :ids""", Object[].class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + TREND_CHUNK))).getResultList();
            for (Object[] r : chunk) {
                UUID id = (UUID) r[0];
                CoverageReport report = parse(id, (String) r[5]);
                CoverageReport.Figures f = region == null ? report.city()
                        : report.regions().stream().filter(x -> region.equals(x.regionCode())).findFirst().orElse(null);
                if (f != null) {
                    points.put(id, new TrendPoint(id.toString(), (LocalDate) r[1], (SnapshotKind) r[2], (Instant) r[3],
                            (Integer) r[4], f.aboveSizeEnterprises(), f.coveredEnterprises(), f.coverageRate(),
                            f.targetRate(), f.shortfall(), f.provincialActive(), f.provincialNew()));
                }
            }
        }
        return new Trend(region, from, to, ids.stream().map(points::get).filter(java.util.Objects::nonNull).toList());
    }

    private CoverageSnapshot store(CoverageReport report, SnapshotKind kind, String period, String by) {
        CoverageSnapshot s = new CoverageSnapshot();
        s.asOf = report.asOf();
        s.statisticalYear = report.statisticalYear();
        s.kind = kind;
        s.period = period;
        try {
            s.report = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.takenAt = Instant.now(clock);
        s.takenBy = by;
        taking.fire(new SnapshotTaking(s));
        s.persist();
        CoverageSnapshot.flush();
        return s;
    }

    private SnapshotView view(CoverageSnapshot s, boolean withReport) {
        return new SnapshotView(s.id.toString(), s.asOf, s.statisticalYear, s.kind, s.period, s.takenAt, s.takenBy,
                withReport ? reports.forCaller(parse(s), reports.regionsInScope(null)) : null);
    }

    private CoverageReport parse(CoverageSnapshot s) {
        return parse(s.id, s.report);
    }

    private CoverageReport parse(UUID id, String report) {
        try {
            return json.readValue(report, CoverageReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + id + " holds an unreadable report", e);
        }
    }

    /** The snapshots taken as of a date in [from, to] (either may be null); to before from is a 400 naming to. */
    private static Where where(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", FieldMessage.of("must not be before from", "field.INVALID.before", "from"));
        }
        Where w = new Where();
        if (from != null) {
            w.and("s.asOf >= :from", "from", from);
        }
        if (to != null) {
            w.and("s.asOf <= :to", "to", to);
        }
        return w;
    }
}
