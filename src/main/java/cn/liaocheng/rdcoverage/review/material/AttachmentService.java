package cn.liaocheng.rdcoverage.review.material;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Where;
import cn.liaocheng.rdcoverage.common.MultipartStream;
import cn.liaocheng.rdcoverage.eligibility.BuildMode;
import cn.liaocheng.rdcoverage.institution.Institution;
import cn.liaocheng.rdcoverage.review.Application;
import cn.liaocheng.rdcoverage.review.ApplicationStatus;
import cn.liaocheng.rdcoverage.review.ReviewService;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 申报材料: the enterprise adds and removes files while its application is DRAFT or RETURNED; from SUBMIT on the set
 * is frozen with the application. The county officer of the region, the city and the application's assessors
 * read them; nobody else sees them (404).
 */
@ApplicationScoped
public class AttachmentService {
    static final Set<ApplicationStatus> EDITABLE = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED);
    /** Room for the multipart framing and the small fields around the file. */
    static final long FRAMING = 64 * 1024;

    @Inject cn.liaocheng.rdcoverage.common.RdConfig rd;
    @Inject ReviewService review;
    @Inject AttachmentStore store;
    @Inject RequiredMaterials required;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;

    public record AttachmentView(String id, String applicationId, MaterialKind kind, String fileName, String mediaType,
                                 long size, String sha256, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String note,
                                 String uploadedBy, Instant uploadedAt) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id.toString(), a.applicationId.toString(), a.kind, a.fileName, a.mediaType, a.sizeBytes,
                    a.sha256, a.note, a.uploadedBy, a.uploadedAt);
        }
    }

    /** The application's files, and what the policy expects for its build mode: required and still missing kinds. */
    public record AttachmentList(List<AttachmentView> items, int page, int size, long total, List<MaterialKind> requiredKinds,
                                 List<MaterialKind> missingKinds) {
    }

    public long maxBytes() {
        return rd.attachments().maxSize().asLongValue();
    }

    /** Refuses an announced body that cannot hold a file within the limit, before anything is read. */
    public void checkLength(String contentLength) {
        if (contentLength == null) {
            return;
        }
        try {
            if (Long.parseLong(contentLength.trim()) > maxBytes() + FRAMING) {
                throw tooLarge();
            }
        } catch (NumberFormatException ignored) {
            // the HTTP layer refuses malformed lengths
        }
    }

    ApiException tooLarge() {
        return new ApiException(413, "payload-too-large", "Payload too large", "An attachment may have at most "
                + maxBytes() + " bytes (rd.attachments.max-size)", null, Map.of("maxBytes", maxBytes()));
    }

    @Transactional
    public AttachmentView upload(String applicationId, String contentType, InputStream body) throws IOException {
        Application a = editable(applicationId);
        if (Attachment.count("applicationId", a.id) >= rd.attachments().maxCount()) {
            throw ApiException.conflict("too-many-attachments", "Application " + a.id + " already has " + rd.attachments().maxCount()
                    + " attachments, the most it may have (rd.attachments.max-count); remove one first")
                            .zh("detail.too-many-attachments", a.id, rd.attachments().maxCount());
        }
        MultipartStream parts = new MultipartStream(new Limited(body, maxBytes() + FRAMING), MultipartStream.boundary(contentType,
                "Send the file as multipart/form-data with the fields file, kind and (optionally) note"));
        Form form = read(parts);
        if (form.stored == null) {
            throw ApiException.invalid("file", FieldMessage.of("is required: the document as a multipart part named file", "field.REQUIRED.file-part"));
        }
        Attachment stored = form.stored;
        stored.kind = kind(form.kind);
        if (form.note != null && form.note.length() > 1000) {
            throw ApiException.invalid("note", FieldMessage.of("must be at most 1000 characters", "field.TOO_LONG.chars", 1000, form.note.length()));
        }
        stored.note = form.note == null || form.note.isEmpty() ? null : form.note;
        stored.applicationId = a.id;
        stored.uploadedBy = caller.subject();
        stored.uploadedAt = Instant.now(clock);
        stored.persist();
        return AttachmentView.of(stored);
    }

    /** The fields of an upload as they came: kind and note trimmed, the file already in the store. */
    private static final class Form {
        String kind;
        String note;
        Attachment stored;
    }

    /** Reads every part; the file part is streamed into the store as it comes (one file per request). */
    private Form read(MultipartStream parts) throws IOException {
        Form form = new Form();
        for (MultipartStream.Part part = parts.next(); part != null; part = parts.next()) {
            if ("kind".equals(part.name())) {
                form.kind = part.text(100).trim();
            } else if ("note".equals(part.name())) {
                form.note = part.text(4000).trim();
            } else if ("file".equals(part.name())) {
                if (form.stored != null) {
                    throw ApiException.invalid("file", FieldMessage.of("one file per request", "field.INVALID.one-file"));
                }
                form.stored = store(part);
            }
        }
        return form;
    }

    /** The material kind named by the {@code kind} field: required, one of {@link MaterialKind} (400 naming the field). */
    private static MaterialKind kind(String text) {
        String kinds = String.join(", ", Arrays.stream(MaterialKind.values()).map(Enum::name).toList());
        if (text == null || text.isEmpty()) {
            throw ApiException.invalid("kind", FieldMessage.of("is required: one of " + List.of(MaterialKind.values()), "field.REQUIRED.one-of", kinds));
        }
        try {
            return MaterialKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("kind", FieldMessage.of("'" + text + "' is not one of " + List.of(MaterialKind.values()), "field.INVALID_VALUE.enum", text, kinds));
        }
    }

    /** Streams the file part into the store: type from its first bytes, SHA-256 and size on the way, the limit enforced. */
    private Attachment store(MultipartStream.Part part) throws IOException {
        InputStream content = new Limited(part.content(), maxBytes());
        byte[] head = content.readNBytes(ContentSniffer.HEAD_BYTES);
        if (head.length == 0) {
            throw ApiException.invalid("file", FieldMessage.of("is empty", "field.REQUIRED.empty-file"));
        }
        ContentSniffer.Head verdict = ContentSniffer.head(head, head.length);
        if (verdict.type() == null && !verdict.zip()) {
            throw unsupported(verdict.seen());
        }
        MessageDigest sha = sha256();
        Tail tail = new Tail(new DigestInputStream(new SequenceInputStream(new ByteArrayInputStream(head), content), sha));
        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.sizeBytes = store.write(a.id, tail);
        a.sha256 = HexFormat.of().formatHex(sha.digest());
        a.fileName = cleanName(part.fileName());
        a.mediaType = verdict.type();
        if (verdict.zip()) {
            ZipDirectory.Location where = ZipDirectory.locate(tail.bytes(), tail.length(), a.sizeBytes);
            String type = null;
            if (where != null) {
                try (InputStream dir = store.open(a.id, where.offset())) {
                    type = ContentSniffer.container(ZipDirectory.names(dir, where.size()));
                }
            }
            if (type == null) {
                throw unsupported(verdict.seen() + " without the entries of a DOCX, XLSX or OFD document");
            }
            a.mediaType = type;
        }
        return a;
    }

    private static ApiException unsupported(String seen) {
        return new ApiException(415, "unsupported-media-type", "Unsupported media type", "The file's content is " + seen
                + "; attachments may be PDF, JPEG, PNG, OFD, DOCX or XLSX (judged from the bytes, not the name)", null,
                Map.of("allowedTypes", List.of("application/pdf", "image/jpeg", "image/png", ContentSniffer.OFD,
                        ContentSniffer.DOCX, ContentSniffer.XLSX)));
    }

    public AttachmentList list(String applicationId) {
        Application a = readable(applicationId);
        List<AttachmentView> items = Attachment.<Attachment>list("applicationId = ?1 order by uploadedAt, id", a.id).stream()
                .map(AttachmentView::of).toList();
        Institution inst = Institution.findById(a.institutionId);
        List<MaterialKind> needed = required.forMode(inst.buildMode, LocalDate.now(clock));
        List<MaterialKind> missing = needed.stream().filter(k -> items.stream().noneMatch(i -> i.kind() == k)).toList();
        return new AttachmentList(items, 0, items.size(), items.size(), needed, missing);
    }

    /** The attachment's record, for a reader of its application. */
    public AttachmentView get(String applicationId, String attachmentId) {
        return AttachmentView.of(find(readable(applicationId), attachmentId));
    }

    public void copy(String attachmentId, java.io.OutputStream out) throws IOException {
        store.copy(UUID.fromString(attachmentId), out);
    }

    @Transactional
    public void delete(String applicationId, String attachmentId) {
        Application a = editable(applicationId);
        Attachment att = find(a, attachmentId);
        store.delete(att.id);
        att.delete();
    }

    /** SUBMIT without a kind the policy requires for the build mode is 422 naming the missing kinds. */
    public void requireForSubmission(UUID applicationId, BuildMode mode, LocalDate on) {
        List<MaterialKind> needed = required.forMode(mode, on);
        if (needed.isEmpty()) {
            return;
        }
        List<MaterialKind> have = Attachment.getEntityManager().createQuery(
                "select distinct a.kind from Attachment a where a.applicationId = :app", MaterialKind.class)
                .setParameter("app", applicationId).getResultList();
        List<MaterialKind> missing = needed.stream().filter(k -> !have.contains(k)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("materials-missing", "The policy requires these materials for a " + mode
                    + " institution before submission: " + missing, Map.of("missingKinds", missing, "requiredKinds", needed))
                            .zh("detail.materials-missing", mode, missing);
        }
    }

    private Application editable(String applicationId) {
        Application a = review.visibleApplication(applicationId);
        if (!caller.is(Role.ENTERPRISE)) {
            throw ApiException.forbidden("Materials are added and removed by the applying enterprise");
        }
        if (!EDITABLE.contains(a.status)) {
            throw ApiException.conflict("materials-frozen", "Application " + a.id + " is " + a.status
                    + "; materials change only while it is DRAFT or RETURNED (what the review rests on stays as it was)",
                    Map.of("currentStatus", a.status.name())).zh("detail.materials-frozen", a.id, a.status);
        }
        return a;
    }

    private Application readable(String applicationId) {
        if (!scope.attachments()) {
            throw ApiException.notFound("Application", applicationId);
        }
        return review.visibleApplication(applicationId);
    }

    private static Attachment find(Application a, String rawId) {
        return Where.findOr404("Attachment", rawId, id -> Attachment.findById(id),
                att -> att.applicationId.equals(a.id));
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return "attachment";
        }
        String n = name.replaceAll("[\\p{Cntrl}]", "").trim();
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails the read with 413 ({@link #tooLarge}) as soon as more than {@code max} bytes have come. */
    private final class Limited extends cn.liaocheng.rdcoverage.common.LimitedInputStream {
        Limited(InputStream in, long max) {
            super(in, max);
        }

        @Override
        protected IOException exceeded(long max) {
            throw tooLarge();
        }
    }

    /** Keeps the last {@link ZipDirectory#TAIL_BYTES} bytes that went through (a ring), for the ZIP directory. */
    private static final class Tail extends FilterInputStream {
        private final byte[] ring = new byte[ZipDirectory.TAIL_BYTES];
        private long total;

        Tail(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                ring[(int) (total++ % ring.length)] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n; i++) {
                ring[(int) (total++ % ring.length)] = b[off + i];
            }
            return n;
        }

        int length() {
            return (int) Math.min(total, ring.length);
        }

        /** The kept bytes in file order. */
        byte[] bytes() {
            int n = length();
            byte[] out = new byte[n];
            int start = (int) ((total - n) % ring.length);
            for (int i = 0; i < n; i++) {
                out[i] = ring[(start + i) % ring.length];
            }
            return out;
        }
    }
}
