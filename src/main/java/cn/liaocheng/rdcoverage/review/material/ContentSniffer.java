package cn.liaocheng.rdcoverage.review.material;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * What a file is, judged from its bytes only (never the client's Content-Type or file name).
 *
 * <p>The first bytes go to Apache Tika core's magic detector: PDF, JPEG and PNG are recognised there. DOCX, XLSX
 * and OFD are all ZIP containers, and Tika core alone sees only "a zip" (or "some OOXML") in them, so for those the
 * container's central directory is read (it sits at the end of the file; nothing is decompressed): a
 * {@code word/document.xml} entry makes a DOCX, {@code xl/workbook.xml} an XLSX, and a root {@code OFD.xml} (GB/T
 * 33190-2016, the OFD entry file) an OFD. Anything else is refused.
 */
final class ContentSniffer {
    static final int HEAD_BYTES = 8192;

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String OFD = "application/ofd";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Set<String> ALLOWED = Set.of(PDF, JPEG, PNG, OFD, DOCX, XLSX);

    /** Tika's magic detector (tika-mimetypes.xml); thread-safe. */
    private static final Detector MAGIC = MimeTypes.getDefaultMimeTypes();

    /** The verdict on the first bytes: a final type, a ZIP to look into, or refused (with what Tika saw). */
    record Head(String type, boolean zip, String seen) {
    }

    static Head head(byte[] bytes, int length) {
        MediaType t;
        try {
            t = MAGIC.detect(new ByteArrayInputStream(bytes, 0, length), new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = t.getBaseType().toString();
        return switch (base) {
            case PDF, JPEG, PNG -> new Head(base, false, base);
            case "application/zip", "application/x-tika-ooxml", DOCX, XLSX -> new Head(null, true, base);
            default -> new Head(null, false, base);
        };
    }

    /** The type of a ZIP container from its entry names (see the class comment), or null. */
    static String container(Iterable<String> entryNames) {
        boolean ofd = false;
        boolean word = false;
        boolean excel = false;
        boolean ooxml = false;
        for (String name : entryNames) {
            switch (name) {
                case "OFD.xml" -> ofd = true;
                case "word/document.xml" -> word = true;
                case "xl/workbook.xml" -> excel = true;
                case "[Content_Types].xml" -> ooxml = true;
                default -> {
                }
            }
        }
        if (ofd) {
            return OFD;
        }
        if (ooxml && word) {
            return DOCX;
        }
        if (ooxml && excel) {
            return XLSX;
        }
        return null;
    }
}
