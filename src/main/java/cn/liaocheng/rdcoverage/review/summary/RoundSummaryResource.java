package cn.liaocheng.rdcoverage.review.summary;

import cn.liaocheng.rdcoverage.common.StoredDecimals;
import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.Exports;
import cn.liaocheng.rdcoverage.common.ProblemLanguage;
import cn.liaocheng.rdcoverage.common.TableOutput;
import cn.liaocheng.rdcoverage.common.TableTag;
import cn.liaocheng.rdcoverage.common.XlsxOutput;
import cn.liaocheng.rdcoverage.review.ApplicationStatus;
import cn.liaocheng.rdcoverage.review.summary.RoundSummary.RegionTotals;
import cn.liaocheng.rdcoverage.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The round summary (汇总) for the government meeting and the announcement (公示名单). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class RoundSummaryResource {

    @Inject RoundSummaryService summaries;

    @GET
    @Path("/rounds/{id}/summary")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE, Role.Names.PROVINCE, Role.Names.ADMIN})
    @Operation(operationId = "getRoundSummary", summary = "The round summary: per region the applications by status and the "
            + "proposed awards (city awards and county supplements separately), the recognition list with each decision's basis "
            + "(declared or verified capacity, override and reason) and the city-wide totals. A county officer gets its region only. "
            + "Accept: text/csv gives the same as a document (Chinese headers with Accept-Language: zh-CN).")
    @cn.liaocheng.rdcoverage.common.ReportETag
    public RoundSummary summary(@PathParam("id") String id) {
        return summaries.summary(id);
    }

    @GET
    @Path("/rounds/{id}/summary")
    @Produces(CsvOutput.MEDIA_TYPE)
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE, Role.Names.PROVINCE, Role.Names.ADMIN})
    @Operation(operationId = "getRoundSummaryCsv", summary = "The round summary as a CSV document (UTF-8 with BOM): a title row, "
            + "the table by region with the city total, then the recognition list; headers in Chinese with Accept-Language: zh-CN")
    public Response summaryCsv(@PathParam("id") String id, @Context HttpHeaders headers) {
        return summaryFile(TableTag.CSV, id, headers);
    }

    @GET
    @Path("/rounds/{id}/summary")
    @Produces(XlsxOutput.MEDIA_TYPE)
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE, Role.Names.PROVINCE, Role.Names.ADMIN})
    @Operation(operationId = "getRoundSummaryXlsx", summary = "The round summary as an xlsx workbook: the same rows as the CSV "
            + "(title, the table by region with the city total, the recognition list), amounts as number cells in yuan, "
            + "credit codes as text cells")
    public Response summaryXlsx(@PathParam("id") String id, @Context HttpHeaders headers) {
        return summaryFile(TableTag.XLSX, id, headers);
    }

    /** The summary as a file named by round, region and day; the extension is the representation's name (csv, xlsx). */
    private Response summaryFile(String representation, String id, HttpHeaders headers) {
        RoundSummary s = summaries.summary(id);
        boolean zh = ProblemLanguage.isChinese(ProblemLanguage.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        return file(representation, zh, s.roundId() + " " + label(zh, "title"), zh ? "评审汇总" : "summary", out -> summaryRows(out, s, zh))
                .header("Content-Disposition", Exports.disposition("round-" + s.roundId() + "-summary", region(s), day(s), representation))
                .build();
    }

    /**
     * A CSV ({@link TableTag#CSV}, UTF-8 with BOM) or xlsx ({@link TableTag#XLSX}, one sheet named {@code sheet})
     * answer: a title row, then what {@code rows} writes; tagged with the digest of those rows in the language.
     */
    private static Response.ResponseBuilder file(String representation, boolean zh, String title, String sheet,
                                                 Consumer<TableOutput> rows) {
        boolean csv = TableTag.CSV.equals(representation);
        StreamingOutput body = out -> {
            try (TableOutput table = csv ? new CsvOutput(out, List.of(title)) : new XlsxOutput(out, sheet, List.of(title))) {
                rows.accept(table);
            }
        };
        return Response.ok(body, csv ? CsvOutput.MEDIA_TYPE + ";charset=UTF-8" : XlsxOutput.MEDIA_TYPE)
                .tag(TableTag.of(representation, zh ? "zh" : "en", List.of(title), rows));
    }

    /** The summary's rows after the title row, the same for CSV and xlsx. */
    private static void summaryRows(TableOutput out, RoundSummary s, boolean zh) {
        out.row();
        out.row(SummaryLabels.label(zh, "section.regions"));
        List<Object> header = new ArrayList<>(List.of(label(zh, "regionCode"), label(zh, "regionName")));
        for (ApplicationStatus st : ApplicationStatus.values()) {
            header.add(label(zh, st));
        }
        header.addAll(List.of(label(zh, "applicationsTotal"), label(zh, "recognizedInstitutions"),
                label(zh, "recognizedEnterprises"), label(zh, "cityAwards"), label(zh, "countySupplements"), label(zh, "totalAwards")));
        out.row(header.toArray());
        s.regions().forEach(r -> out.row(regionRow(r.regionCode(), r.regionName(), r)));
        if (s.city() != null) {
            out.row(regionRow(null, label(zh, "CITY"), s.city()));
        }
        out.row();
        out.row(SummaryLabels.label(zh, "section.recognitions"));
        out.row(label(zh, "no"), label(zh, "regionName"), label(zh, "enterpriseName"), label(zh, "creditCode"),
                label(zh, "institutionName"), label(zh, "buildMode"), label(zh, "sizeClass"), label(zh, "basis"),
                label(zh, "override"), label(zh, "overrideReason"), label(zh, "decidedOn"), label(zh, "policyId"),
                label(zh, "cityAward"), label(zh, "countySupplement"), label(zh, "totalAward"), label(zh, "cityAwardStatus"),
                label(zh, "applicationId"), label(zh, "inspectionId"));
        int no = 0;
        for (RoundSummary.Recognition r : s.recognitions()) {
            out.row(++no, r.regionName(), r.enterpriseName(), r.creditCode(), r.institutionName(), label(zh, r.buildMode()),
                    label(zh, r.sizeClass()), label(zh, r.basis()), label(zh, r.override()), r.overrideReason(), r.decidedOn(),
                    r.policyId(), money(r.cityAward()), money(r.countySupplement()), money(r.totalAward()),
                    label(zh, r.cityAwardStatus()), r.applicationId(), r.inspectionId());
        }
    }

    /** The region of a county officer's summary (its file name carries it), else null: the city. */
    private static String region(RoundSummary s) {
        return s.city() == null && s.regions().size() == 1 ? s.regions().get(0).regionCode() : null;
    }

    private static java.time.LocalDate day(RoundSummary s) {
        return s.generatedAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    @GET
    @Path("/rounds/{id}/announcement")
    @Authenticated
    @Operation(operationId = "getRoundAnnouncement", summary = "公示名单: the recognised institutions of the round (enterprise name, "
            + "institution name, build mode, region), nothing confidential; any signed-in caller. Accept: text/csv for the file.")
    @cn.liaocheng.rdcoverage.common.ReportETag
    public RoundSummary.Announcement announcement(@PathParam("id") String id) {
        return summaries.announcement(id);
    }

    @GET
    @Path("/rounds/{id}/announcement")
    @Produces(CsvOutput.MEDIA_TYPE)
    @Authenticated
    @Operation(operationId = "getRoundAnnouncementCsv", summary = "公示名单 as CSV (UTF-8 with BOM), Chinese headers with Accept-Language: zh-CN")
    public Response announcementCsv(@PathParam("id") String id, @Context HttpHeaders headers) {
        return announcementFile(TableTag.CSV, id, headers);
    }

    @GET
    @Path("/rounds/{id}/announcement")
    @Produces(XlsxOutput.MEDIA_TYPE)
    @Authenticated
    @Operation(operationId = "getRoundAnnouncementXlsx", summary = "公示名单 as an xlsx workbook (the CSV's rows)")
    public Response announcementXlsx(@PathParam("id") String id, @Context HttpHeaders headers) {
        return announcementFile(TableTag.XLSX, id, headers);
    }

    /** The announcement as a file, {@code round-<id>-announcement.csv} or {@code .xlsx} (the representation's name). */
    private Response announcementFile(String representation, String id, HttpHeaders headers) {
        RoundSummary.Announcement a = summaries.announcement(id);
        boolean zh = ProblemLanguage.isChinese(ProblemLanguage.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        return file(representation, zh, a.roundId() + " " + label(zh, "announcement.title"), zh ? "公示名单" : "announcement",
                out -> announcementRows(out, a, zh))
                .header("Content-Disposition", "attachment; filename=\"round-" + a.roundId() + "-announcement." + representation + "\"")
                .build();
    }

    private static void announcementRows(TableOutput out, RoundSummary.Announcement a, boolean zh) {
        out.row(label(zh, "no"), label(zh, "enterpriseName"), label(zh, "institutionName"), label(zh, "buildMode"),
                label(zh, "regionName"));
        int no = 0;
        for (RoundSummary.AnnouncementEntry e : a.items()) {
            out.row(++no, e.enterpriseName(), e.institutionName(), label(zh, e.buildMode()), e.regionName());
        }
    }

    private static Object[] regionRow(String code, String name, RegionTotals t) {
        List<Object> row = new ArrayList<>();
        row.add(code);
        row.add(name);
        for (ApplicationStatus st : ApplicationStatus.values()) {
            row.add(t.applications().getOrDefault(st, 0L));
        }
        row.addAll(List.of(t.applicationsTotal(), t.recognizedInstitutions(), t.recognizedEnterprises(), money(t.cityAwards()),
                money(t.countySupplements()), money(t.totalAwards())));
        return row.toArray();
    }

    private static String label(boolean zh, Object key) {
        return SummaryLabels.label(zh, key);
    }

    /** Yuan with two decimals: a number cell in xlsx, 100000.00 in CSV. */
    private static BigDecimal money(BigDecimal v) {
        return StoredDecimals.amount(v);
    }
}
