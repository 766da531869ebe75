package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.core.EntityTag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The weak ETag of a report's CSV or xlsx representation (issue #13): a digest of the rows the export writes (header
 * included), of the representation and of the language, computed by running the export's row writer once into the
 * digest instead of a file. An xlsx file's own bytes change with the instant it is zipped, its rows do not.
 * Each representation has its own tag (RFC 9110 8.8.3): {@code W/"rc…"} for CSV, {@code W/"rx…"} for xlsx, never equal
 * to the JSON's {@code W/"r…"} of the same report; {@link ConditionalGet} answers 304 to If-None-Match naming it,
 * without writing the file.
 */
public final class TableTag implements TableOutput {
    public static final String CSV = "csv";
    public static final String XLSX = "xlsx";
    private final MessageDigest sha;

    private TableTag(String representation, String language) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(representation);
        update(language == null ? "" : language);
    }

    /** The tag of the rows {@code rows} writes under {@code header} (null: no header row) in a representation. */
    public static EntityTag of(String representation, String language, List<?> header, Consumer<TableOutput> rows) {
        TableTag digest = new TableTag(representation, language);
        if (header != null) {
            digest.row(header.toArray());
        }
        rows.accept(digest);
        String prefix = XLSX.equals(representation) ? "rx" : "rc";
        return new EntityTag(prefix + HexFormat.of().formatHex(digest.sha.digest(), 0, 12), true);
    }

    @Override
    public void row(Object... cells) {
        for (Object cell : cells) {
            update(cell == null ? "\u0000" : cell.getClass().getSimpleName() + ":" + cell);
            sha.update((byte) 0x1f);
        }
        sha.update((byte) 0x1e);
    }

    private void update(String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x1f);
    }

    @Override
    public void close() {
    }
}
