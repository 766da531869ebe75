package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportError;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk indicators from a CSV (UTF-8, UTF-8 with BOM or GBK), with English or Chinese headers, under the enterprise
 * import's rules: by default a file with any invalid row changes nothing (422 listing every bad row), {@code partial}
 * keeps the valid rows, {@code dryRun} only checks. Rows are upserts by (institution, year).
 */
@ApplicationScoped
public class IndicatorImporter {
    static final int MAX_ROWS = 200_000;
    static final int MAX_ERRORS_LISTED = 1000;

    /** The columns, matched by English or Chinese header, ignoring case, spaces, a BOM and a trailing unit such as （件）. */
    enum Col {
        INSTITUTION_ID("institutionId", "研发机构编号", "机构编号", "研发机构ID"),
        YEAR("year", "年度", "统计年度"),
        PATENT_APPLICATIONS("patentApplications", "专利申请数", "专利申请量", "专利申请"),
        INVENTION_PATENT_APPLICATIONS("inventionPatentApplications", "发明专利申请数", "发明专利申请量", "发明专利申请"),
        PATENTS_GRANTED("patentsGranted", "专利授权数", "专利授权量", "授权专利数"),
        NEW_PRODUCTS("newProducts", "新产品新工艺数", "新产品数", "新产品、新工艺数", "新产品新工艺");

        final String field;
        final String[] chinese;

        Col(String field, String... chinese) {
            this.field = field;
            this.chinese = chinese;
        }

        static final Map<String, Col> BY_HEADER = new HashMap<>();

        static {
            for (Col c : values()) {
                BY_HEADER.put(c.field.toLowerCase(Locale.ROOT), c);
                for (String zh : c.chinese) {
                    BY_HEADER.put(zh, c);
                }
            }
        }

        static Col byHeader(String header) {
            String h = header.replace("\uFEFF", "").replaceAll("[\\s\\u3000\\u00A0]+", "");
            h = h.replaceAll("[（(][^）)]*[）)]$", "");
            return BY_HEADER.get(h.toLowerCase(Locale.ROOT));
        }
    }

    private record Row(long line, UUID institutionId, int year, IndicatorInput input) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public ImportReport run(InputStream body, Charset charset, boolean dryRun, boolean partial, String by) {
        List<ImportError> errors = new ArrayList<>();
        long[] omitted = {0};
        List<Row> rows = new ArrayList<>();
        long received = read(body, charset, rows, errors, omitted);
        // institutions that exist, in one query per thousand ids
        Set<UUID> known = new HashSet<>();
        List<String> ids = rows.stream().map(r -> r.institutionId().toString()).distinct().toList();
        for (int k = 0; k < ids.size(); k += 1000) {
            List<String> chunk = ids.subList(k, Math.min(ids.size(), k + 1000));
            QuarkusTransaction.requiringNew().run(() -> {
                for (Object id : em.createNativeQuery("select id from institution where id in (:ids)")
                        .setParameter("ids", chunk).getResultList()) {
                    known.add(UUID.fromString(id.toString()));
                }
            });
        }
        List<Row> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (!known.contains(r.institutionId())) {
                error(errors, omitted, new ImportError(r.line(), "institutionId", "no institution " + r.institutionId()));
            } else if (!seen.add(r.institutionId() + "/" + r.year())) {
                error(errors, omitted, new ImportError(r.line(), "year", "the institution's " + r.year() + " appears twice in the file"));
            } else {
                valid.add(r);
            }
        }
        long rejected = received - valid.size();
        boolean committed = !dryRun && (partial || rejected == 0);
        if (!committed && !dryRun) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("received", received);
            ext.put("created", 0);
            ext.put("updated", 0);
            ext.put("unchanged", 0);
            ext.put("rejected", rejected);
            ext.put("committed", false);
            ext.put("errors", errors);
            if (omitted[0] > 0) {
                ext.put("errorsOmitted", omitted[0]);
            }
            throw ApiException.unprocessable("import-rejected", rejected + " of " + received
                    + " rows are invalid, so nothing was imported; fix them, or send ?mode=partial to keep the valid rows", ext);
        }
        long[] counts = new long[3];
        Instant now = Instant.now(clock);
        Runnable write = () -> {
            for (Row r : valid) {
                InstitutionIndicator x = InstitutionIndicator.findById(new InstitutionIndicator.Key(r.institutionId(), r.year()));
                if (x == null) {
                    counts[0]++;
                    if (committed) {
                        x = new InstitutionIndicator();
                        x.institutionId = r.institutionId();
                        x.year = r.year();
                        IndicatorService.apply(x, r.input(), by, now);
                        x.persist();
                    }
                } else if (x.patentApplications == r.input().patentApplications()
                        && x.inventionPatentApplications == r.input().inventionPatentApplications()
                        && x.patentsGranted == r.input().patentsGranted() && x.newProducts == r.input().newProducts()) {
                    counts[2]++;
                } else {
                    counts[1]++;
                    if (committed) {
                        IndicatorService.apply(x, r.input(), by, now);
                    }
                }
            }
        };
        QuarkusTransaction.requiringNew().run(write);
        return new ImportReport(received, counts[0], counts[1], counts[2], rejected, dryRun,
                partial ? "partial" : "all-or-nothing", committed, errors, omitted[0] > 0 ? omitted[0] : null);
    }

    private long read(InputStream body, Charset charset, List<Row> rows, List<ImportError> errors, long[] omitted) {
        int currentYear = LocalDate.now(clock).getYear();
        long received = 0;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new BufferedReader(new InputStreamReader(skipBom(body), charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16))) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw fileProblem("body", "is empty: expected a header row and at least one record");
            }
            CSVRecord header = records.next();
            int[] at = new int[Col.values().length];
            java.util.Arrays.fill(at, -1);
            for (int i = 0; i < header.size(); i++) {
                Col c = Col.byHeader(header.get(i));
                if (c != null) {
                    if (at[c.ordinal()] >= 0) {
                        throw fileProblem(c.field, "column appears twice in the header");
                    }
                    at[c.ordinal()] = i;
                }
            }
            List<Problem.FieldError> missing = new ArrayList<>();
            for (Col c : Col.values()) {
                if (at[c.ordinal()] < 0) {
                    missing.add(new Problem.FieldError(c.field, "required column is missing from the header"));
                }
            }
            if (!missing.isEmpty()) {
                throw new ApiException(400, "import-file", "The file cannot be read", "Required columns are missing from the header: "
                        + String.join(", ", missing.stream().map(Problem.FieldError::field).toList()), missing, Map.of("line", 1));
            }
            while (records.hasNext()) {
                CSVRecord r = records.next();
                long line = parser.getCurrentLineNumber();
                if (isBlank(r)) {
                    continue;
                }
                if (++received > MAX_ROWS) {
                    throw fileProblem("body", "holds more than " + MAX_ROWS + " rows; split the file");
                }
                int before = errors.size() + (int) omitted[0];
                UUID id = null;
                String rawId = cell(r, at[Col.INSTITUTION_ID.ordinal()]);
                if (rawId == null) {
                    error(errors, omitted, new ImportError(line, "institutionId", "is required"));
                } else {
                    try {
                        id = UUID.fromString(rawId);
                    } catch (IllegalArgumentException e) {
                        error(errors, omitted, new ImportError(line, "institutionId", "'" + rawId + "' is not an institution id"));
                    }
                }
                Integer year = number(r, at, Col.YEAR, line, errors, omitted);
                if (year != null && (year < 1990 || year > currentYear)) {
                    error(errors, omitted, new ImportError(line, "year", year < 1990 ? "must be 1990 or later" : "must not be in the future"));
                }
                Integer pa = number(r, at, Col.PATENT_APPLICATIONS, line, errors, omitted);
                Integer inv = number(r, at, Col.INVENTION_PATENT_APPLICATIONS, line, errors, omitted);
                Integer granted = number(r, at, Col.PATENTS_GRANTED, line, errors, omitted);
                Integer products = number(r, at, Col.NEW_PRODUCTS, line, errors, omitted);
                if (errors.size() + omitted[0] > before) {
                    continue;
                }
                IndicatorInput input = new IndicatorInput(pa, inv, granted, products);
                String problem = IndicatorService.problem(input);
                if (problem != null) {
                    error(errors, omitted, new ImportError(line, "inventionPatentApplications", problem));
                    continue;
                }
                rows.add(new Row(line, id, year, input));
            }
        } catch (UncheckedIOException e) {
            throw translate(e.getCause(), charset);
        } catch (IOException e) {
            throw translate(e, charset);
        } catch (IllegalStateException e) {
            throw fileProblem("body", "is not well-formed CSV: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
        return received;
    }

    private static Integer number(CSVRecord r, int[] at, Col c, long line, List<ImportError> errors, long[] omitted) {
        String raw = cell(r, at[c.ordinal()]);
        if (raw == null) {
            error(errors, omitted, new ImportError(line, c.field, "is required"));
            return null;
        }
        String digits = raw.replace(",", "").replace("，", "");
        try {
            int v = Integer.parseInt(digits);
            if (v < 0 || v > 1_000_000) {
                error(errors, omitted, new ImportError(line, c.field, "must be a whole number from 0 to 1000000"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            error(errors, omitted, new ImportError(line, c.field, "'" + raw + "' is not a whole number"));
            return null;
        }
    }

    private static String cell(CSVRecord r, int i) {
        if (i < 0 || i >= r.size()) {
            return null;
        }
        String v = r.get(i).replace('\u00A0', ' ').trim();
        return v.isEmpty() ? null : v;
    }

    private static boolean isBlank(CSVRecord r) {
        for (String v : r) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void error(List<ImportError> errors, long[] omitted, ImportError e) {
        if (errors.size() < MAX_ERRORS_LISTED) {
            errors.add(e);
        } else {
            omitted[0]++;
        }
    }

    private static ApiException fileProblem(String field, String message) {
        return new ApiException(400, "import-file", "The file cannot be read", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null);
    }

    private static ApiException translate(Throwable cause, Charset charset) {
        if (cause instanceof CharacterCodingException) {
            return fileProblem("body", "is not valid " + charset.name()
                    + (charset.name().equals("UTF-8") ? "; a GBK file needs Content-Type: text/csv; charset=GBK" : ""));
        }
        return fileProblem("body", "could not be read: " + (cause == null ? "" : cause.getMessage()));
    }

    private static InputStream skipBom(InputStream in) {
        try {
            PushbackInputStream pb = new PushbackInputStream(in, 3);
            byte[] head = new byte[3];
            int n = pb.readNBytes(head, 0, 3);
            boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
            if (!bom && n > 0) {
                pb.unread(head, 0, n);
            }
            return pb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
