package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.enterprise.SizeRules;
import cn.liaocheng.rdcoverage.enterprise.importing.ChunkPlanner.Ent;
import cn.liaocheng.rdcoverage.enterprise.importing.ChunkPlanner.Fig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Table tests of the import's per-chunk plan: which rows create, update, leave alone or are refused, and which
 * enterprises and figures are written, given the rows and what is stored. Plain JUnit; the size rules are a fixed
 * stand-in (300 persons and more: MEDIUM, else SMALL; 规上 from 20,000,000 yuan unless declared).
 */
class ChunkPlannerTest {
    private static final String A = "91371500MA3C00000A";
    private static final String B = "91371500MA3C00000B";
    private static final String DONGCHANG = "371502";
    private static final String LINQING = "371581";

    private static final ChunkPlanner.SizeDeriver SIZES = (year, employees, revenue, declared) -> new SizeRules.Derived(
            employees >= 300 ? SizeClass.MEDIUM : SizeClass.SMALL,
            declared != null ? declared : revenue.compareTo(new BigDecimal("20000000")) >= 0);

    private static ImportRow row(long line, String code, String region, int year, int employees, String revenue) {
        return new ImportRow(line, code, "甲企业", region, null, null, year, employees, new BigDecimal(revenue), null, null, null);
    }

    private static ImportRow named(long line, String code, String name) {
        return new ImportRow(line, code, name, DONGCHANG, null, null, 2024, 50, new BigDecimal("25000000.00"), null, null, null);
    }

    private static ImportRow declared(long line, String code, boolean above) {
        return new ImportRow(line, code, "甲企业", DONGCHANG, null, null, 2024, 50, new BigDecimal("25000000.00"), above, null, null);
    }

    /** A stored enterprise named 甲企业 in 东昌府区 with its 2024 figures: 50 persons, 25,000,000.00 yuan, 规上, derived. */
    private static Ent stored(String code) {
        Ent e = new Ent(code);
        e.name = "甲企业";
        e.region = DONGCHANG;
        e.address = "东昌路1号";
        e.industry = "C3311";
        Fig f = new Fig(code, 2024);
        f.employees = 50;
        f.revenue = new BigDecimal("25000000.00");
        f.above = true;
        f.declared = false;
        f.sizeClass = SizeClass.SMALL;
        f.region = DONGCHANG;
        e.figures.put(2024, f);
        e.figuresYear = 2024;
        e.sizeClass = SizeClass.SMALL;
        e.above = true;
        return e;
    }

    private static Supplier<TreeMap<String, Ent>> nothingStored() {
        return TreeMap::new;
    }

    private static Supplier<TreeMap<String, Ent>> storedA() {
        return () -> new TreeMap<>(java.util.Map.of(A, stored(A)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("a new enterprise", nothingStored(), null,
                        List.of(row(2, A, DONGCHANG, 2024, 50, "25000000")),
                        "created=1 updated=0 unchanged=0 rejected=0 | new=" + A + " changed= | newFigs=" + A + "/2024 changedFigs="),
                arguments("the stored values again", storedA(), null,
                        List.of(row(2, A, DONGCHANG, 2024, 50, "25000000.00")),
                        "created=0 updated=0 unchanged=1 rejected=0 | new= changed= | newFigs= changedFigs="),
                arguments("the same revenue at another scale", storedA(), null,
                        List.of(row(2, A, DONGCHANG, 2024, 50, "25000000")),
                        "created=0 updated=0 unchanged=1 rejected=0 | new= changed= | newFigs= changedFigs="),
                arguments("a revenue below the threshold: figures and the mirrored flag change", storedA(), null,
                        List.of(row(2, A, DONGCHANG, 2024, 50, "1000000")),
                        "created=0 updated=1 unchanged=0 rejected=0 | new= changed=" + A + " | newFigs= changedFigs=" + A + "/2024"),
                arguments("more employees within the same flag: figures and the mirrored size class", storedA(), null,
                        List.of(row(2, A, DONGCHANG, 2024, 400, "25000000.00")),
                        "created=0 updated=1 unchanged=0 rejected=0 | new= changed=" + A + " | newFigs= changedFigs=" + A + "/2024"),
                arguments("a later year of a stored enterprise", storedA(), null,
                        List.of(row(2, A, DONGCHANG, 2025, 50, "25000000")),
                        "created=1 updated=0 unchanged=0 rejected=0 | new= changed=" + A + " | newFigs=" + A + "/2025 changedFigs="),
                arguments("an earlier year of a stored enterprise leaves its latest year", storedA(), null,
                        List.of(row(2, A, DONGCHANG, 2023, 50, "25000000")),
                        "created=1 updated=0 unchanged=0 rejected=0 | new= changed= | newFigs=" + A + "/2023 changedFigs="),
                arguments("a new name only", storedA(), null,
                        List.of(named(2, A, "甲企业有限公司")),
                        "created=0 updated=1 unchanged=0 rejected=0 | new= changed=" + A + " | newFigs= changedFigs="),
                arguments("a declared flag equal to the derived one stays derived", storedA(), null,
                        List.of(declared(2, A, true)),
                        "created=0 updated=0 unchanged=1 rejected=0 | new= changed= | newFigs= changedFigs="),
                arguments("a declared flag against the revenue", storedA(), null,
                        List.of(declared(2, A, false)),
                        "created=0 updated=1 unchanged=0 rejected=0 | new= changed=" + A + " | newFigs= changedFigs=" + A + "/2024"),
                arguments("another county's enterprise, imported by a county", storedA(), LINQING,
                        List.of(row(7, A, LINQING, 2024, 50, "25000000")),
                        "created=0 updated=0 unchanged=0 rejected=1 | new= changed= | newFigs= changedFigs="),
                arguments("another county's enterprise, imported by the city", storedA(), null,
                        List.of(row(7, A, LINQING, 2024, 50, "25000000.00")),
                        "created=0 updated=1 unchanged=0 rejected=0 | new= changed=" + A + " | newFigs= changedFigs=" + A + "/2024"),
                arguments("a county creates a new enterprise", nothingStored(), LINQING,
                        List.of(row(2, A, LINQING, 2024, 50, "25000000")),
                        "created=1 updated=0 unchanged=0 rejected=0 | new=" + A + " changed= | newFigs=" + A + "/2024 changedFigs="),
                arguments("one code twice in a chunk: created, then updated, written once", nothingStored(), null,
                        List.of(row(2, A, DONGCHANG, 2024, 50, "25000000"), row(3, A, DONGCHANG, 2024, 50, "26000000")),
                        "created=1 updated=1 unchanged=0 rejected=0 | new=" + A + " changed= | newFigs=" + A + "/2024 changedFigs="),
                arguments("new and stored in one chunk, written in credit code order", storedA(), null,
                        List.of(row(2, B, DONGCHANG, 2024, 50, "1"), row(3, A, DONGCHANG, 2024, 50, "1")),
                        "created=1 updated=1 unchanged=0 rejected=0 | new=" + B + " changed=" + A + " | newFigs=" + B + "/2024 changedFigs=" + A + "/2024"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansTheChunk(String name, Supplier<TreeMap<String, Ent>> stored, String regionScope, List<ImportRow> rows,
                       String expected) {
        ChunkPlanner.Plan plan = new ChunkPlanner(SIZES, regionScope).plan(rows, stored.get());
        assertEquals(expected, describe(plan));
    }

    @Test
    void absentOptionalValuesKeepWhatIsStored() {
        TreeMap<String, Ent> stored = storedA().get();
        ChunkPlanner.Plan plan = new ChunkPlanner(SIZES, null).plan(List.of(row(2, A, DONGCHANG, 2024, 50, "25000000")), stored);
        assertEquals("created=0 updated=0 unchanged=1 rejected=0 | new= changed= | newFigs= changedFigs=", describe(plan));
        assertEquals("东昌路1号", stored.get(A).address);
        assertEquals("C3311", stored.get(A).industry);
    }

    @Test
    void aNewEnterpriseMirrorsItsLatestYearAndListsTheYearsItIsAboveSize() {
        ChunkPlanner.Plan plan = new ChunkPlanner(SIZES, null).plan(List.of(
                row(2, A, DONGCHANG, 2023, 400, "30000000"), row(3, A, DONGCHANG, 2024, 40, "100")), new TreeMap<>());
        Ent a = plan.ents().get(A);
        assertEquals(2024, a.figuresYear);
        assertEquals(SizeClass.SMALL, a.sizeClass);
        assertEquals(false, a.above);
        assertEquals(SizeClass.MEDIUM, a.figures.get(2023).sizeClass);
        assertEquals(java.util.Map.of(A, java.util.Map.of(2023,
                new cn.liaocheng.rdcoverage.coverage.CoverageLedger.Year(DONGCHANG, new BigDecimal("30000000.00")))), plan.createdAbove());
        assertEquals(List.of(), plan.touched());
    }

    @Test
    void theRefusalNamesTheLineAndTheCreditCode() {
        ChunkPlanner.Plan plan = new ChunkPlanner(SIZES, LINQING).plan(List.of(row(7, A, LINQING, 2024, 50, "1")), storedA().get());
        assertEquals(1, plan.rejected().size());
        assertEquals(7, plan.rejected().get(0).line());
        assertEquals("creditCode", plan.rejected().get(0).field());
        assertEquals(List.of(), plan.written());
    }

    @Test
    void aChangedStoredEnterpriseIsTouchedForItsCoverage() {
        ChunkPlanner.Plan plan = new ChunkPlanner(SIZES, null).plan(List.of(row(2, A, DONGCHANG, 2024, 50, "1")), storedA().get());
        assertEquals(List.of(A), plan.touched());
        assertEquals(java.util.Map.of(), plan.createdAbove());
        Fig f = plan.changedFigs().get(0);
        assertEquals(new BigDecimal("1"), f.revenue);
        assertEquals(false, f.above);
    }

    private static String describe(ChunkPlanner.Plan p) {
        return "created=" + p.created() + " updated=" + p.updated() + " unchanged=" + p.unchanged()
                + " rejected=" + p.rejected().size()
                + " | new=" + p.newEnts().stream().map(e -> e.code).collect(Collectors.joining(","))
                + " changed=" + p.changedEnts().stream().map(e -> e.code).collect(Collectors.joining(","))
                + " | newFigs=" + p.newFigs().stream().map(f -> f.code + "/" + f.year).collect(Collectors.joining(","))
                + " changedFigs=" + p.changedFigs().stream().map(f -> f.code + "/" + f.year).collect(Collectors.joining(","));
    }
}
