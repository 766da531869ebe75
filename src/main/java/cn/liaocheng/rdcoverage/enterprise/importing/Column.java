package cn.liaocheng.rdcoverage.enterprise.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The columns of the statistics bureau's yearly list, matched by English or Chinese header (DESIGN.md 6). */
public enum Column {
    CREDIT_CODE("creditCode", true, "统一社会信用代码", "信用代码"),
    NAME("name", true, "企业名称", "单位名称"),
    REGION_CODE("regionCode", true, "所属区县代码", "所属县市区代码", "区县代码"),
    INDUSTRY_CODE("industryCode", false, "行业代码"),
    ADDRESS("address", false, "地址", "企业地址"),
    YEAR("year", true, "年度", "统计年度"),
    EMPLOYEES("employees", true, "从业人员", "从业人员数", "从业人员期末人数"),
    REVENUE("revenue", true, "营业收入"),
    ABOVE_DESIGNATED_SIZE("aboveDesignatedSize", false, "是否规上", "规上"),
    KEY_ENTERPRISE("keyEnterprise", false, "重点企业", "是否重点企业"),
    KEY_INDUSTRY("keyIndustry", false, "重点行业", "是否重点行业");

    public final String field;
    public final boolean required;
    private final String[] chinese;

    private static final Map<String, Column> BY_HEADER = new HashMap<>();

    static {
        for (Column c : values()) {
            BY_HEADER.put(c.field.toLowerCase(Locale.ROOT), c);
            for (String zh : c.chinese) {
                BY_HEADER.put(zh, c);
            }
        }
    }

    Column(String field, boolean required, String... chinese) {
        this.field = field;
        this.required = required;
        this.chinese = chinese;
    }

    /** The column a header names, ignoring case, spaces, a BOM and a trailing unit such as 营业收入（元）; or null. */
    public static Column byHeader(String header) {
        if (header == null) {
            return null;
        }
        String h = header.replace("\uFEFF", "").replaceAll("[\\s\\u3000]+", "");
        h = h.replaceAll("[（(][^）)]*[）)]$", "");
        return BY_HEADER.get(h.toLowerCase(Locale.ROOT));
    }
}
