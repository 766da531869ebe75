package cn.liaocheng.rdcoverage.review.summary;

import java.util.Map;

/**
 * Column names and values of the summary's files, in Chinese (the task force's document) or in English: the language
 * of the answer, chosen like every other one ({@code ProblemLanguage.of}: Accept-Language, else the configured
 * default, Chinese). Kept as data in one place.
 */
final class SummaryLabels {
    private SummaryLabels() {
    }

    private static final Map<String, String> ZH = Map.ofEntries(
            // titles
            Map.entry("title", "研发机构认定评审汇总（金额单位：元）"),
            Map.entry("section.regions", "一、各县（市、区）申报及审核情况"),
            Map.entry("section.recognitions", "二、拟认定研发机构名单及奖补"),
            Map.entry("announcement.title", "研发机构认定公示名单"),
            // columns
            Map.entry("regionCode", "区划代码"),
            Map.entry("regionName", "县（市、区）"),
            Map.entry("applicationsTotal", "申报合计"),
            Map.entry("recognizedInstitutions", "认定机构数"),
            Map.entry("recognizedEnterprises", "认定企业数"),
            Map.entry("cityAwards", "市级奖补（元）"),
            Map.entry("countySupplements", "县级配套（元）"),
            Map.entry("totalAwards", "奖补合计（元）"),
            Map.entry("no", "序号"),
            Map.entry("enterpriseName", "企业名称"),
            Map.entry("creditCode", "统一社会信用代码"),
            Map.entry("institutionName", "研发机构名称"),
            Map.entry("buildMode", "建设模式"),
            Map.entry("sizeClass", "企业规模"),
            Map.entry("basis", "认定依据"),
            Map.entry("override", "是否特批认定"),
            Map.entry("overrideReason", "特批理由"),
            Map.entry("decidedOn", "认定日期"),
            Map.entry("policyId", "政策版本"),
            Map.entry("cityAward", "市级奖补（元）"),
            Map.entry("cityAwardStatus", "奖补状态"),
            Map.entry("countySupplement", "县级配套（元）"),
            Map.entry("totalAward", "奖补合计（元）"),
            Map.entry("applicationId", "申报编号"),
            Map.entry("inspectionId", "现场核查编号"),
            // values
            Map.entry("CITY", "全市合计"),
            Map.entry("DRAFT", "草稿"),
            Map.entry("SUBMITTED", "已提交"),
            Map.entry("RETURNED", "退回修改"),
            Map.entry("COUNTY_APPROVED", "县级审核通过"),
            Map.entry("COUNTY_REJECTED", "县级审核未通过"),
            Map.entry("UNDER_ASSESSMENT", "认定评审中"),
            Map.entry("RECOGNIZED", "已认定"),
            Map.entry("REJECTED", "未予认定"),
            Map.entry("WITHDRAWN", "已撤回"),
            Map.entry("SINGLE", "企业单建"),
            Map.entry("JOINT", "多企联建"),
            Map.entry("INDUSTRY", "产业共建"),
            Map.entry("LARGE", "大型"),
            Map.entry("MEDIUM", "中型"),
            Map.entry("SMALL", "小型"),
            Map.entry("MICRO", "微型"),
            Map.entry("DECLARED", "申报数据"),
            Map.entry("VERIFIED", "现场核查数据"),
            Map.entry("PROPOSED", "拟奖补"),
            Map.entry("APPROVED", "已审批"),
            Map.entry("DISBURSED", "已拨付"),
            Map.entry("true", "是"),
            Map.entry("false", "否"));

    private static final Map<String, String> EN = Map.of(
            "title", "R&D institution recognition round summary (amounts in yuan)",
            "section.regions", "1. Applications and awards by region",
            "section.recognitions", "2. Recognitions and proposed awards",
            "announcement.title", "Recognised R&D institutions (public announcement)",
            "CITY", "City total");

    /** The label of a column or value; English column names are the JSON field names. */
    static String label(boolean zh, Object key) {
        if (key == null) {
            return null;
        }
        String k = key.toString();
        String v = zh ? ZH.get(k) : EN.get(k);
        return v == null ? k : v;
    }
}
