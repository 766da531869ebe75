package cn.liaocheng.rdcoverage.enterprise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal xlsx written by hand, so a test controls each cell's type exactly as Excel stores it: {@link String}
 * as an inline string, {@link Number} as a number cell (its text as written, e.g. "9.13715E+17"), {@link Formula}
 * as a formula with its cached value, {@link Formatted} as a number cell with a custom number format; a null cell is
 * left out, and a null row leaves a row number out.
 */
public final class Xlsx {
    record Formula(String formula, String cached, boolean text) {
    }

    public record Num(String raw) {
    }

    /** A number cell stored as {@code raw} and shown with the number format {@code format} (e.g. {@code #,##0,}). */
    public record Formatted(String raw, String format) {
    }

    private Xlsx() {
    }

    public static byte[] of(List<List<Object>> rows) {
        java.util.List<String> formats = new java.util.ArrayList<>();
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row == null) {
                continue;
            }
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                String ref = (char) ('A' + c) + Integer.toString(r + 1);
                if (v instanceof Formatted f) {
                    if (!formats.contains(f.format())) {
                        formats.add(f.format());
                    }
                    sheet.append("<c r=\"").append(ref).append("\" s=\"").append(formats.indexOf(f.format()) + 1)
                            .append("\"><v>").append(f.raw()).append("</v></c>");
                } else if (v instanceof Number || v instanceof Num) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(v instanceof Num n ? n.raw() : v).append("</v></c>");
                } else if (v instanceof Formula f) {
                    sheet.append("<c r=\"").append(ref).append("\"").append(f.text() ? " t=\"str\"" : "").append("><f>")
                            .append(escape(f.formula())).append("</f>")
                            .append(f.cached() == null ? "" : "<v>" + escape(f.cached()) + "</v>").append("</c>");
                } else {
                    sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(v.toString()))
                            .append("</t></is></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + (formats.isEmpty() ? "" : "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
                        + "</Types>");
                put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                        + "</Relationships>");
                put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets><sheet name=\"名录\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + (formats.isEmpty() ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
                        + "</Relationships>");
                if (!formats.isEmpty()) {
                    put(zip, "xl/styles.xml", styles(formats));
                }
                put(zip, "xl/worksheets/sheet1.xml", sheet.toString());
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Custom number formats 164, 165, ... and one cell style per format (style 0 is the default). */
    private static String styles(List<String> formats) {
        StringBuilder numFmts = new StringBuilder();
        StringBuilder xfs = new StringBuilder("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        for (int i = 0; i < formats.size(); i++) {
            numFmts.append("<numFmt numFmtId=\"").append(164 + i).append("\" formatCode=\"")
                    .append(escape(formats.get(i)).replace("\"", "&quot;")).append("\"/>");
            xfs.append("<xf numFmtId=\"").append(164 + i)
                    .append("\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<numFmts count=\"" + formats.size() + "\">" + numFmts + "</numFmts>"
                + "<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"" + (formats.size() + 1) + "\">" + xfs + "</cellXfs></styleSheet>";
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
