package cn.liaocheng.rdcoverage.review.material;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 申报材料 (issue 17): upload, sniffing, scope, freezing at SUBMIT, required kinds, and the size limit. */
@QuarkusTest
class AttachmentTest {
    static final String REGION = "371521";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    static String base(String app) {
        return "/api/v1/applications/" + app + "/attachments";
    }

    /** A multipart body written by hand, with the file name in UTF-8 as browsers send it. */
    static byte[] multipart(String boundary, String fileName, String claimedType, byte[] content, String kind) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n盖章扫描件\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Response upload(io.restassured.specification.RequestSpecification who, String app, String fileName, String claimedType,
                           byte[] content, String kind) throws IOException {
        return who.config(TestData.RAW_CHARSET).contentType("multipart/form-data; boundary=rdXbound")
                .body(multipart("rdXbound", fileName, claimedType, content, kind)).post(base(app));
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** A DRAFT application without any materials (Workflow.apply adds the required ones): {application id, credit code}. */
    static String[] bareDraft() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise(REGION, 350, 52_000_000);
        String inst = Workflow.institution(code);
        String app = TestData.enterprise(code).contentType("application/json").body(Map.of("institutionId", inst, "roundId", round))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        return new String[]{app, code};
    }

    @Test
    void theEnterpriseUploadsAndTheReadersDownloadWithTheChineseName() throws Exception {
        String[] a = bareDraft();
        Response created = upload(TestData.enterprise(a[1]), a[0], "研发管理制度.pdf", "application/octet-stream", PDF, "RULES");
        created.then().statusCode(201).body("kind", equalTo("RULES")).body("mediaType", equalTo("application/pdf"))
                .body("fileName", equalTo("研发管理制度.pdf")).body("size", equalTo(PDF.length))
                .body("sha256", equalTo(sha256(PDF))).body("note", equalTo("盖章扫描件"));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(base(a[0]) + "/" + id), created.header("Location"));

        for (var reader : List.of(TestData.enterprise(a[1]), TestData.county(REGION), city())) {
            Response file = reader.get(base(a[0]) + "/" + id);
            file.then().statusCode(200).header("Content-Type", "application/pdf").header("ETag", "\"" + sha256(PDF) + "\"")
                    .header("Content-Disposition", "attachment; filename=\"______.pdf\"; filename*=UTF-8''"
                            + "%E7%A0%94%E5%8F%91%E7%AE%A1%E7%90%86%E5%88%B6%E5%BA%A6.pdf");
            assertArrayEquals(PDF, file.asByteArray());
        }
        city().header("If-None-Match", "\"" + sha256(PDF) + "\"").get(base(a[0]) + "/" + id).then().statusCode(304);
        city().header("If-None-Match", "\"0\", W/\"" + sha256(PDF) + "\"").get(base(a[0]) + "/" + id).then().statusCode(304);
        city().header("If-None-Match", "\"" + sha256(PDF).substring(1) + "\"").get(base(a[0]) + "/" + id).then()
                .statusCode(200);

        TestData.county(REGION).get(base(a[0])).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(id)).body("requiredKinds", hasSize(6))
                .body("missingKinds", equalTo(List.of("COOPERATION_AGREEMENT", "PREMISES", "EQUIPMENT_LIST", "RD_EXPENDITURE_PROOF", "PERSONNEL_LIST")));
        // nobody else sees them (404 also for the roles that never read materials: security.Scope, issue #17)
        TestData.county("371522").get(base(a[0])).then().statusCode(404);
        TestData.county("371522").get(base(a[0]) + "/" + id).then().statusCode(404);
        TestData.role("FINANCE").get(base(a[0])).then().statusCode(404);
        TestData.role("PROVINCE").get(base(a[0]) + "/" + id).then().statusCode(404);
        TestData.role("ADMIN").get(base(a[0])).then().statusCode(404);
        TestData.enterprise(TestData.creditCode(REGION)).get(base(a[0])).then().statusCode(404);
        TestData.as(TestData.token("ASSESSOR", "assessorId", "att-nobody")).get(base(a[0])).then().statusCode(404);
        // only the enterprise adds
        upload(TestData.county(REGION), a[0], "x.pdf", "application/pdf", PDF, "RULES").then().statusCode(403);
        upload(city(), a[0], "x.pdf", "application/pdf", PDF, "RULES").then().statusCode(403);
        upload(TestData.enterprise(TestData.creditCode(REGION)), a[0], "x.pdf", "application/pdf", PDF, "RULES").then().statusCode(404);
    }

    /** Issue #13, "every list that answers JSON also answers CSV": the materials too, headers in the language. */
    @Test
    void theListAnswersCsvInTheLanguageNamedAfterRegionAndDate() throws Exception {
        String[] a = bareDraft();
        // before any upload: the header row alone, as every empty list's CSV
        String empty = city().config(TestData.RAW_CHARSET).header("Accept-Language", "zh-CN").accept("text/csv")
                .get(base(a[0])).then().statusCode(200).extract().asString();
        assertEquals(List.of("编号,申请编号,类型,文件名,文件类型,大小（字节）,SHA-256 摘要,备注,上传人,上传时间"),
                List.of(empty.replace("\uFEFF", "").split("\r?\n")));
        String id = upload(TestData.enterprise(a[1]), a[0], "研发管理制度.pdf", "application/pdf", PDF, "RULES")
                .then().statusCode(201).extract().path("id");
        String row = id + "," + a[0] + ",RULES,研发管理制度.pdf,application/pdf," + PDF.length + "," + sha256(PDF) + ",盖章扫描件,";
        String today = TestData.today().toString();
        String zh = TestData.county(REGION).config(TestData.RAW_CHARSET).header("Accept-Language", "zh-CN").accept("text/csv")
                .get(base(a[0])).then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"applications-attachments-" + REGION + "-" + today + ".csv\""))
                .extract().asString();
        String[] zhLines = zh.replace("\uFEFF", "").split("\r?\n");
        assertEquals("编号,申请编号,类型,文件名,文件类型,大小（字节）,SHA-256 摘要,备注,上传人,上传时间", zhLines[0]);
        assertEquals(2, zhLines.length, zh);
        assertTrue(zhLines[1].startsWith(row), zhLines[1]);
        String en = city().config(TestData.RAW_CHARSET).header("Accept-Language", "en").accept("text/csv").get(base(a[0]))
                .then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"applications-attachments-371500-" + today + ".csv\""))
                .extract().asString();
        String[] enLines = en.replace("\uFEFF", "").split("\r?\n");
        assertEquals("id,applicationId,kind,fileName,mediaType,size,sha256,note,uploadedBy,uploadedAt", enLines[0]);
        assertTrue(enLines[1].startsWith(row), enLines[1]);
        // JSON stays the default; outside the scope the CSV is 404 as the JSON is
        city().get(base(a[0])).then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("application/json"))
                .body("items", hasSize(1));
        TestData.county("371522").accept("text/csv").get(base(a[0])).then().statusCode(404);
    }

    @Test
    void theTypeComesFromTheBytes() throws Exception {
        String[] a = bareDraft();
        var ent = TestData.enterprise(a[1]);
        upload(ent, a[0], "场地照片.pdf", "application/pdf", PNG, "PREMISES").then().statusCode(201).body("mediaType", equalTo("image/png"));
        upload(ent, a[0], "说明.pdf", "application/pdf", "just text, not a PDF".getBytes(StandardCharsets.UTF_8), "OTHER")
                .then().statusCode(415).contentType("application/problem+json");
        upload(ent, a[0], "人员名单.docx", "application/zip", zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), "PERSONNEL_LIST")
                .then().statusCode(201).body("mediaType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        upload(ent, a[0], "设备清单.xlsx", "application/octet-stream", zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), "EQUIPMENT_LIST")
                .then().statusCode(201).body("mediaType", equalTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        upload(ent, a[0], "研发投入证明.ofd", "application/octet-stream", zip("OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml"), "RD_EXPENDITURE_PROOF")
                .then().statusCode(201).body("mediaType", equalTo("application/ofd"));
        upload(ent, a[0], "压缩包.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip("a.txt", "b.txt"), "OTHER")
                .then().statusCode(415);
        upload(ent, a[0], "x.pdf", "application/pdf", PDF, "NOT_A_KIND").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        ent.contentType("application/json").body("{}").post(base(a[0])).then().statusCode(415);
        TestData.enterprise(a[1]).get(base(a[0])).then().statusCode(200).body("items", hasSize(4));
    }

    @Test
    void materialsFreezeAtSubmitAndSubmitNeedsTheRequiredKinds() throws Exception {
        String round = Workflow.openRound();
        String code = Workflow.enterprise(REGION, 350, 52_000_000);
        String inst = Workflow.institution(code);
        String app = TestData.enterprise(code).contentType("application/json").body(Map.of("institutionId", inst, "roundId", round))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        var ent = TestData.enterprise(code);
        String wrong = upload(ent, app, "其他.pdf", "application/pdf", PDF, "OTHER").then().statusCode(201).extract().path("id");
        ent.delete(base(app) + "/" + wrong).then().statusCode(204);
        ent.get(base(app) + "/" + wrong).then().statusCode(404);
        for (String kind : List.of("RULES", "COOPERATION_AGREEMENT", "PREMISES", "EQUIPMENT_LIST", "RD_EXPENDITURE_PROOF")) {
            upload(ent, app, kind + ".pdf", "application/pdf", PDF, kind).then().statusCode(201);
        }
        Workflow.act(ent, app, "SUBMIT").statusCode(422).contentType("application/problem+json")
                .body("missingKinds", equalTo(List.of("PERSONNEL_LIST")))
                .body("detail", org.hamcrest.Matchers.containsString("PERSONNEL_LIST"));
        String last = upload(ent, app, "人员名单.pdf", "application/pdf", PDF, "PERSONNEL_LIST").then().statusCode(201).extract().path("id");
        Workflow.act(ent, app, "SUBMIT").statusCode(200);
        upload(ent, app, "补充.pdf", "application/pdf", PDF, "OTHER").then().statusCode(409).body("currentStatus", equalTo("SUBMITTED"));
        ent.delete(base(app) + "/" + last).then().statusCode(409);
        TestData.county(REGION).get(base(app)).then().statusCode(200).body("items", hasSize(6)).body("missingKinds", hasSize(0));
        // RETURNED opens them again
        Workflow.act(TestData.county(REGION), app, "RETURN").statusCode(200);
        upload(ent, app, "补充.pdf", "application/pdf", PDF, "OTHER").then().statusCode(201);
    }

    @Test
    void theAssignedAssessorReads() throws Exception {
        String round = Workflow.openRound();
        String[] a = Workflow.applicationIn("UNDER_ASSESSMENT", REGION, round);
        city().contentType("application/json").body(Map.of("applicationId", a[0], "kind", "MATERIAL_REVIEW", "assessorKind", "EXPERT",
                "assessorId", "att-expert")).post("/api/v1/inspections").then().statusCode(201);
        TestData.as(TestData.token("ASSESSOR", "assessorId", "att-expert")).get(base(a[0])).then().statusCode(200)
                .body("items", hasSize(6));
        TestData.as(TestData.token("ASSESSOR", "assessorId", "att-other")).get(base(a[0])).then().statusCode(404);
    }

    /** A file over several storage chunks (256 KB each) comes back byte for byte, with its SHA-256 as ETag. */
    @Test
    void aLargeFileComesBackByteForByte() throws Exception {
        String[] a = bareDraft();
        byte[] big = new byte[700_001];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        for (int i = PDF.length; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >>> 8)); // every byte value, CR and LF and '-' among them
        }
        Response created = upload(TestData.enterprise(a[1]), a[0], "设备原值.pdf", "application/pdf", big, "EQUIPMENT_LIST");
        created.then().statusCode(201).body("size", equalTo(700_001)).body("sha256", equalTo(sha256(big)));
        Response file = TestData.county(REGION).get(base(a[0]) + "/" + created.path("id"));
        file.then().statusCode(200).header("ETag", "\"" + sha256(big) + "\"").header("Content-Length", "700001");
        assertArrayEquals(big, file.asByteArray());
    }

    /** The same Idempotency-Key and request stores the file once and answers the same; another application's key is its own. */
    @Test
    void aRetriedUploadWithItsIdempotencyKeyIsStoredOnce() throws Exception {
        String[] a = bareDraft();
        var ent = TestData.enterprise(a[1]);
        String first = upload(ent.header("Idempotency-Key", "att-retry-1"), a[0], "制度.pdf", "application/pdf", PDF, "RULES")
                .then().statusCode(201).extract().path("id");
        String again = upload(TestData.enterprise(a[1]).header("Idempotency-Key", "att-retry-1"), a[0], "制度.pdf", "application/pdf",
                PDF, "RULES").then().statusCode(201).extract().path("id");
        assertEquals(first, again);
        TestData.enterprise(a[1]).get(base(a[0])).then().statusCode(200).body("items", hasSize(1));
        // the same key with another body (another length) is 422
        upload(TestData.enterprise(a[1]).header("Idempotency-Key", "att-retry-1"), a[0], "制度-修订版.pdf", "application/pdf", PDF, "RULES")
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
    }

    /**
     * A browser retrying a FormData upload draws a new multipart boundary (of the same length): the retry with the same
     * Idempotency-Key is a replay of the first answer, not a 422, and the file is stored once.
     */
    @Test
    void aRetryWithANewMultipartBoundaryIsAReplay() throws Exception {
        String[] a = bareDraft();
        String first = TestData.enterprise(a[1]).header("Idempotency-Key", "att-retry-boundary").config(TestData.RAW_CHARSET)
                .contentType("multipart/form-data; boundary=----WebKitFormBoundaryAAAAAAAAAAAAAAAA")
                .body(multipart("----WebKitFormBoundaryAAAAAAAAAAAAAAAA", "制度.pdf", "application/pdf", PDF, "RULES"))
                .post(base(a[0])).then().statusCode(201).extract().path("id");
        String again = TestData.enterprise(a[1]).header("Idempotency-Key", "att-retry-boundary").config(TestData.RAW_CHARSET)
                .contentType("multipart/form-data; boundary=----WebKitFormBoundaryBBBBBBBBBBBBBBBB")
                .body(multipart("----WebKitFormBoundaryBBBBBBBBBBBBBBBB", "制度.pdf", "application/pdf", PDF, "RULES"))
                .post(base(a[0])).then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, again);
        TestData.enterprise(a[1]).get(base(a[0])).then().statusCode(200).body("items", hasSize(1));
    }

    /** rd.attachments.max-count (30) files per application; the 31st is 409 too-many-attachments. */
    @Test
    void theCountPerApplicationIsLimited() throws Exception {
        String[] a = bareDraft();
        for (int i = 0; i < 30; i++) {
            upload(TestData.enterprise(a[1]), a[0], "其他" + i + ".pdf", "application/pdf", PDF, "OTHER").then().statusCode(201);
        }
        upload(TestData.enterprise(a[1]), a[0], "其他30.pdf", "application/pdf", PDF, "OTHER").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/too-many-attachments"));
        TestData.enterprise(a[1]).get(base(a[0])).then().statusCode(200).body("items", hasSize(30));
    }

    /** An announced length over the limit is refused after the headers: the rest of the body is never sent. */
    @Test
    void anAnnouncedOversizeBodyIsRefusedBeforeItIsRead() throws Exception {
        String[] a = Workflow.applicationIn("DRAFT", REGION, Workflow.openRound());
        long announced = 25L * 1024 * 1024;
        Raw raw = Raw.post(base(a[0]), TestData.token("ENTERPRISE", "creditCode", a[1]), "multipart/form-data; boundary=rdXbound",
                announced, false, new Generated(announced), 64 * 1024);
        assertEquals(413, raw.status, raw.head);
        assertTrue(raw.sent < announced, "sent " + raw.sent + " of " + announced);
        assertTrue(raw.head.contains("application/problem+json"), raw.head);
    }

    /** A chunked body is counted as it is read and refused once the file passes the limit (never held whole). */
    @Test
    void aChunkedOversizeBodyIsRefusedWhileItIsRead() throws Exception {
        String[] a = bareDraft();
        long planned = 200L * 1024 * 1024;
        Raw raw = Raw.post(base(a[0]), TestData.token("ENTERPRISE", "creditCode", a[1]), "multipart/form-data; boundary=rdXbound",
                -1, true, new Generated(planned), Long.MAX_VALUE);
        assertEquals(413, raw.status, raw.head);
        assertTrue(raw.sent < planned / 2, "the service read " + raw.sent + " bytes of " + planned + " before refusing");
        TestData.enterprise(a[1]).get(base(a[0])).then().statusCode(200).body("items", hasSize(0));
    }

    /** A multipart body of a PDF file part that never ends: generated on the fly, never in memory. */
    static final class Generated extends InputStream {
        private final byte[] head = ("--rdXbound\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n"
                + "--rdXbound\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII);
        private final long length;
        private long pos;

        Generated(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (pos >= length) {
                return -1;
            }
            return pos < head.length ? head[(int) pos++] : (int) ('a' + (pos++ % 26));
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }

    /** A POST on a plain socket: the body written by another thread until the answer comes or {@code sendAtMost} is sent. */
    static final class Raw {
        int status;
        String head;
        long sent;

        static Raw post(String path, String token, String type, long contentLength, boolean chunked, InputStream body, long sendAtMost)
                throws Exception {
            try (Socket s = new Socket("localhost", RestAssured.port)) {
                s.setSoTimeout(120_000);
                OutputStream out = s.getOutputStream();
                String headers = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: " + type + "\r\n"
                        + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + contentLength + "\r\n") + "\r\n";
                out.write(headers.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                AtomicLong sent = new AtomicLong();
                Thread writer = new Thread(() -> {
                    byte[] buf = new byte[64 * 1024];
                    try {
                        int n;
                        while (sent.get() < sendAtMost && (n = body.read(buf, 0, (int) Math.min(buf.length, sendAtMost - sent.get()))) > 0) {
                            if (chunked) {
                                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            }
                            out.write(buf, 0, n);
                            if (chunked) {
                                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                            }
                            sent.addAndGet(n);
                        }
                        out.flush();
                    } catch (IOException stopped) {
                        // the service answered and closed: expected
                    }
                });
                writer.setDaemon(true);
                writer.start();
                InputStream in = s.getInputStream();
                ByteArrayOutputStream response = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    response.write(b);
                    if (response.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        break;
                    }
                }
                Raw r = new Raw();
                r.head = response.toString(StandardCharsets.ISO_8859_1);
                r.status = Integer.parseInt(r.head.split(" ")[1]);
                r.sent = sent.get();
                return r;
            }
        }
    }
}
