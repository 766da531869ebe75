package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.FieldMessage;

import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.enterprise.SizeRules;

import cn.liaocheng.rdcoverage.security.Scope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides, for one chunk of valid rows and what is stored for their credit codes, which enterprises and yearly
 * figures an import creates, changes or leaves alone, and which rows it refuses (an enterprise of another region
 * than the importing county's). Pure: the stored state comes in as {@link Ent} objects ({@link ImportStore#load}
 * reads them), the size rules as a function; nothing here touches the database.
 */
final class ChunkPlanner {
    /** The size class and 规上 flag of a year's figures ({@link SizeRules#derive}). */
    @FunctionalInterface
    interface SizeDeriver {
        SizeRules.Derived derive(int year, int employees, BigDecimal revenue, Boolean declaredAboveSize);
    }

    /** Stored (or planned) state of one enterprise as far as an import can change it. */
    static final class Ent {
        final String code;
        String name;
        String region;
        String industry;
        String address;
        boolean keyEnterprise;
        boolean keyIndustry;
        Integer figuresYear;
        SizeClass sizeClass;
        Boolean above;
        boolean isNew;
        boolean dirty;
        /** By year, so that {@code lastKey()} is the enterprise's latest year so far. */
        final TreeMap<Integer, Fig> figures = new TreeMap<>();

        Ent(String code) {
            this.code = code;
        }
    }

    /** Stored (or planned) figures of one enterprise and statistical year. */
    static final class Fig {
        final String code;
        final int year;
        int employees;
        BigDecimal revenue;
        boolean above;
        boolean declared;
        SizeClass sizeClass;
        String region;
        boolean isNew;
        boolean dirty;

        Fig(String code, int year) {
            this.code = code;
            this.year = year;
        }
    }

    /**
     * The plan of one chunk. Counts are per row (a row creating figures counts as created, one changing the
     * enterprise or its figures as updated, else unchanged); the lists are what to write, each in credit code order.
     *
     * @param ents all enterprises of the chunk (stored and new), by credit code
     */
    record Plan(long created, long updated, long unchanged, List<ImportError> rejected, Map<String, Ent> ents,
                List<Ent> newEnts, List<Ent> changedEnts, List<Fig> newFigs, List<Fig> changedFigs) {

        /** Stored enterprises whose row or figures this chunk changes (their coverage is recomputed). */
        List<String> touched() {
            List<String> touched = new ArrayList<>();
            for (Ent e : ents.values()) {
                if (!e.isNew && changed(e)) {
                    touched.add(e.code);
                }
            }
            return touched;
        }

        /**
         * By year, the credit codes (in credit code order) of the new enterprises whose figures of that year say above
         * designated size (their coverage rows are copied from those figures, with the year's region).
         */
        Map<Integer, List<String>> createdAboveByYear() {
            Map<Integer, List<String>> byYear = new TreeMap<>();
            for (Ent e : ents.values()) {
                if (e.isNew) {
                    for (Fig f : e.figures.values()) {
                        if (f.above) {
                            byYear.computeIfAbsent(f.year, y -> new ArrayList<>()).add(e.code);
                        }
                    }
                }
            }
            return byYear;
        }

        /** The enterprises this chunk creates or changes, in credit code order. */
        List<Ent> written() {
            List<Ent> written = new ArrayList<>();
            for (Ent e : ents.values()) {
                if (e.isNew || changed(e)) {
                    written.add(e);
                }
            }
            return written;
        }

        private static boolean changed(Ent e) {
            return e.dirty || e.figures.values().stream().anyMatch(f -> f.isNew || f.dirty);
        }
    }

    private final SizeDeriver sizes;
    private final String regionScope;

    private final boolean delimitedText;

    /** @param regionScope the only region the importing officer may change, or null for any */
    ChunkPlanner(SizeDeriver sizes, String regionScope) {
        this(sizes, regionScope, true);
    }

    /**
     * @param delimitedText whether the rows come from CSV or tab-separated text, which Excel may have saved with its
     *                      credit codes cut to 15 digits ({@link RowValidator#cutByExcel}); an xlsx keeps a cut code
     *                      as a number cell (refused by the validator) and JSON never went through Excel
     */
    ChunkPlanner(SizeDeriver sizes, String regionScope, boolean delimitedText) {
        this.sizes = sizes;
        this.regionScope = regionScope;
        this.delimitedText = delimitedText;
    }

    /**
     * Plans {@code rows} (valid, in file order; a credit code may come more than once) against {@code stored} (the
     * stored enterprises among the rows' codes with all their figures, ordered by credit code), which it changes in
     * place and extends with the new enterprises.
     * <p>
     * Each row writes its year's figures (with its own region). The enterprise's current attributes (name, region,
     * industry, address, key flags) are those of its row of the latest year, as a PUT of each row in year order would
     * leave them: a row changes them unless the enterprise already has figures of a later year (stored, or from an
     * earlier row of this import); among rows of the same year the later one in the file wins. The same rule holds for
     * a new enterprise (created by its first row) and a stored one, wherever the chunk boundaries fall.
     */
    Plan plan(List<ImportRow> rows, TreeMap<String, Ent> stored) {
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        List<ImportError> rejected = new ArrayList<>();
        boolean cutColumn = delimitedText && cutColumn(rows);
        for (ImportRow r : rows) {
            Ent e = stored.get(r.creditCode());
            ImportError outside = outsideScope(e, r);
            if (outside != null) {
                rejected.add(outside);
                continue;
            }
            if (e == null && cutColumn && RowValidator.cutByExcel(r.creditCode())) {
                rejected.add(r.error(Column.CREDIT_CODE.field, RowValidator.excelCut(r.creditCode())));
                continue;
            }
            if (e == null) {
                e = created(r);
                stored.put(r.creditCode(), e);
            }
            // the latest year's row gives the current attributes (a row of an earlier year only writes its figures)
            boolean entChanged = (e.figures.isEmpty() || r.year() >= e.figures.lastKey()) && attributes(e, r);
            e.dirty |= entChanged && !e.isNew;
            boolean figCreated = !e.figures.containsKey(r.year());
            boolean figChanged = figures(e, r);
            if (figCreated) {
                created++;
            } else if (entChanged || figChanged) {
                updated++;
            } else {
                unchanged++;
            }
        }
        return classify(created, updated, unchanged, rejected, stored);
    }

    /**
     * Whether the chunk's all-digit credit codes all end in 000, as when Excel cut the whole column: one all-digit code
     * that does not shows the column whole, and a real code ending in 000 (about one in 3,400) then imports.
     */
    private static boolean cutColumn(List<ImportRow> rows) {
        boolean any = false;
        for (ImportRow r : rows) {
            String code = r.creditCode();
            if (code != null && code.length() == 18 && code.chars().allMatch(Character::isDigit)) {
                if (!code.endsWith("000")) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * The row error of a row the importing county does not write (null when it does): a stored enterprise now
     * registered in another region, or a stored year's figures lying in another region (security.Scope#writesFigures).
     */
    private ImportError outsideScope(Ent e, ImportRow r) {
        if (e == null || e.isNew || regionScope == null) {
            return null;
        }
        if (!regionScope.equals(e.region)) {
            return r.error("creditCode", FieldMessage.of("enterprise " + r.creditCode()
                    + " belongs to another region; only its own county or the city can change it",
                    "field.OUT_OF_SCOPE.enterprise-region", r.creditCode()));
        }
        Fig year = e.figures.get(r.year());
        if (year != null && !year.isNew && !Scope.writesFigures(regionScope, year.region, r.yearRegion())) {
            return r.error("regionCode", FieldMessage.of("the " + r.year() + " figures of " + r.creditCode()
                    + " lie in region " + year.region + "; only that county or the city can change them",
                    "field.OUT_OF_SCOPE.figures-region", r.year(), r.creditCode(), year.region));
        }
        return null;
    }

    /** A new enterprise with the row's attributes (the figures are added by {@link #figures}). */
    private static Ent created(ImportRow r) {
        Ent e = new Ent(r.creditCode());
        e.isNew = true;
        e.keyEnterprise = Boolean.TRUE.equals(r.keyEnterprise());
        e.keyIndustry = Boolean.TRUE.equals(r.keyIndustry());
        e.name = r.name();
        e.region = r.regionCode();
        e.industry = r.industryCode();
        e.address = r.address();
        return e;
    }

    /** Mirrors each enterprise's latest year onto it and sorts the enterprises and figures into what to write. */
    private static Plan classify(long created, long updated, long unchanged, List<ImportError> rejected,
                                 TreeMap<String, Ent> stored) {
        List<Ent> newEnts = new ArrayList<>();
        List<Ent> changedEnts = new ArrayList<>();
        List<Fig> newFigs = new ArrayList<>();
        List<Fig> changedFigs = new ArrayList<>();
        for (Ent e : stored.values()) {
            mirror(e);
            if (e.isNew) {
                newEnts.add(e);
            } else if (e.dirty) {
                changedEnts.add(e);
            }
            for (Fig f : e.figures.values()) {
                if (f.isNew) {
                    newFigs.add(f);
                } else if (f.dirty) {
                    changedFigs.add(f);
                }
            }
        }
        return new Plan(created, updated, unchanged, rejected, stored, newEnts, changedEnts, newFigs, changedFigs);
    }

    /** Applies the row's figures to its year's (created if absent); returns whether stored figures changed. */
    private boolean figures(Ent e, ImportRow r) {
        SizeRules.Derived d = sizes.derive(r.year(), r.employees(), r.revenue(), r.aboveDesignatedSize());
        Fig f = e.figures.get(r.year());
        boolean figCreated = f == null;
        boolean figChanged = false;
        if (figCreated) {
            f = new Fig(e.code, r.year());
            f.isNew = true;
            e.figures.put(r.year(), f);
        }
        // figuresRegionCode keeps a stored year where it is; a year the file adds lies in the row's region (an export
        // reused as next year's template carries last year's county in that column)
        String region = figCreated ? r.regionCode() : r.yearRegion();
        boolean declared = r.aboveDesignatedSize() != null;
        if (declared && !figCreated && !f.declared && f.above == r.aboveDesignatedSize()
                && sizes.derive(r.year(), r.employees(), r.revenue(), null).aboveDesignatedSize() == f.above) {
            // the stated flag is what the revenue gives (e.g. a list exported and sent back): still derived
            declared = false;
        }
        if (figCreated || f.employees != r.employees() || f.revenue.compareTo(r.revenue()) != 0
                || f.above != d.aboveDesignatedSize() || f.declared != declared || f.sizeClass != d.sizeClass()
                || !region.equals(f.region)) {
            figChanged = !figCreated;
            f.employees = r.employees();
            f.revenue = r.revenue();
            f.above = d.aboveDesignatedSize();
            f.declared = declared;
            f.sizeClass = d.sizeClass();
            f.region = region;
            f.dirty |= figChanged;
        }
        return figChanged;
    }

    /** Applies the row's enterprise attributes; absent optional values keep what is stored. */
    private static boolean attributes(Ent e, ImportRow r) {
        boolean changed = false;
        if (!r.name().equals(e.name)) {
            e.name = r.name();
            changed = true;
        }
        if (!r.regionCode().equals(e.region)) {
            e.region = r.regionCode();
            changed = true;
        }
        if (r.industryCode() != null && !r.industryCode().equals(e.industry)) {
            e.industry = r.industryCode();
            changed = true;
        }
        if (r.address() != null && !r.address().equals(e.address)) {
            e.address = r.address();
            changed = true;
        }
        if (r.keyEnterprise() != null && r.keyEnterprise() != e.keyEnterprise) {
            e.keyEnterprise = r.keyEnterprise();
            changed = true;
        }
        if (r.keyIndustry() != null && r.keyIndustry() != e.keyIndustry) {
            e.keyIndustry = r.keyIndustry();
            changed = true;
        }
        return changed;
    }

    /** Copies the latest year's size class and 规上 flag onto the enterprise; a change makes it dirty. */
    private static void mirror(Ent e) {
        Integer latestYear = null;
        for (Integer y : e.figures.keySet()) {
            if (latestYear == null || y > latestYear) {
                latestYear = y;
            }
        }
        Fig latest = latestYear == null ? null : e.figures.get(latestYear);
        SizeClass size = latest == null ? null : latest.sizeClass;
        Boolean above = latest == null ? null : latest.above;
        if (!Objects.equals(latestYear, e.figuresYear) || size != e.sizeClass || !Objects.equals(above, e.above)) {
            e.figuresYear = latestYear;
            e.sizeClass = size;
            e.above = above;
            e.dirty = true;
        }
    }
}
