package cn.liaocheng.rdcoverage.enterprise.importing;

/**
 * The fields of the statistics bureau's yearly list. The headers that name them (English and the bureau's Chinese
 * words) and the units they may carry are data: {@link HeaderDictionary}, {@code import/dictionary.tsv}.
 */
public enum Column {
    CREDIT_CODE("creditCode", true, Kind.TEXT),
    NAME("name", true, Kind.TEXT),
    REGION_CODE("regionCode", true, Kind.TEXT),
    INDUSTRY_CODE("industryCode", false, Kind.TEXT),
    ADDRESS("address", false, Kind.TEXT),
    /** Required per row, but a list may give it once: {@code ?year=} or its title row. */
    YEAR("year", false, Kind.TEXT),
    EMPLOYEES("employees", true, Kind.COUNT),
    REVENUE("revenue", true, Kind.MONEY),
    ABOVE_DESIGNATED_SIZE("aboveDesignatedSize", false, Kind.TEXT),
    KEY_ENTERPRISE("keyEnterprise", false, Kind.TEXT),
    KEY_INDUSTRY("keyIndustry", false, Kind.TEXT),
    /**
     * The region of the row's year when that year is stored and lies elsewhere than the enterprise's current region
     * (the list export writes it, so that an enterprise moved since keeps its earlier years where they were); a year
     * the file adds, and any year without it, takes {@link #REGION_CODE}.
     */
    FIGURES_REGION_CODE("figuresRegionCode", false, Kind.TEXT);

    /** What a unit in the header may say: money converts to yuan, a count is in persons. */
    public enum Kind { TEXT, MONEY, COUNT }

    public final String field;
    public final boolean required;
    public final Kind kind;

    Column(String field, boolean required, Kind kind) {
        this.field = field;
        this.required = required;
        this.kind = kind;
    }

    static Column byField(String field) {
        for (Column c : values()) {
            if (c.field.equals(field)) {
                return c;
            }
        }
        return null;
    }

    /** The column a header names (see {@link HeaderDictionary#match}), or null. */
    public static Column byHeader(String header) {
        try {
            HeaderDictionary.Match m = HeaderDictionary.STANDARD.match(header);
            return m == null ? null : m.column();
        } catch (HeaderDictionary.UnitProblem e) {
            return null;
        }
    }
}
