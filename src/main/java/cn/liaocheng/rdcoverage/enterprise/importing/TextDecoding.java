package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;

/**
 * Which character set a text file is in, decided in this order:
 * <ol>
 *   <li>a byte-order mark (UTF-8, UTF-16 LE or BE: Excel's "Unicode text") decides, whatever the label says;</li>
 *   <li>a charset label: GBK, gb2312, GB18030 (and their aliases) all decode as GB18030, their superset, so that
 *   names with characters such as 𬍛 or 㭎 read; UTF-8 and UTF-16 are taken as they are; ISO-8859-1, US-ASCII and
 *   windows-1252 (a client's default, which would turn every Chinese name into mojibake) are not used, the bytes are
 *   detected as below; any other label is a 400;</li>
 *   <li>no label: the first {@value #PROBE} bytes are tried as strict UTF-8 (a sequence cut at the end of the probe
 *   is allowed); if they decode, UTF-8, otherwise GB18030. Every other zero byte means UTF-16 without a mark.</li>
 * </ol>
 * Bytes that do not decode become U+FFFD; the table reader refuses a row holding one, naming its line.
 */
final class TextDecoding {
    static final int PROBE = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");
    /** Labels that are not used: the list is detected as if it had none (see {@link #labelled}). */
    private static final java.util.Set<String> WESTERN = java.util.Set.of("ISO-8859-1", "US-ASCII", "windows-1252");
    private static final Set<String> CHINESE = Set.of("gbk", "gb2312", "gb18030", "x-gbk", "cp936", "ms936", "windows-936",
            "euc-cn", "x-euc-cn", "gb_2312-80", "csgb2312", "hz-gb-2312");

    /** The decoded text, the charset used and why: bom, label or detected. */
    record Decoded(Reader reader, Charset charset, String source) {
    }

    private TextDecoding() {
    }

    static Charset labelled(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        if (CHINESE.contains(l)) {
            return GB18030;
        }
        try {
            Charset c = Charset.forName(l);
            if (c.equals(StandardCharsets.UTF_8) || c.name().startsWith("UTF-16")) {
                return c;
            }
            // A Western single-byte label (ISO-8859-1 is what some HTTP clients add to every text type) on a Chinese
            // list decoded every name into mojibake, stored without a word: such a label is not used, the bytes decide
            if (WESTERN.contains(c.name())) {
                return null;
            }
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // refused below
        }
        throw ApiException.invalid("charset", FieldMessage.of("'" + label + "' is not a supported character set (use UTF-8,"
                + " UTF-16, GBK or GB18030, or send no charset: it is detected)", "field.INVALID_VALUE.charset", label));
    }

    static Decoded open(InputStream body, String label, boolean replaceMalformed) {
        try {
            BufferedInputStream in = body instanceof BufferedInputStream b ? b : new BufferedInputStream(body, PROBE);
            in.mark(PROBE + 1);
            byte[] head = in.readNBytes(PROBE);
            in.reset();
            Bom bom = Bom.of(head);
            Charset charset;
            String source;
            if (bom != null) {
                in.skipNBytes(bom.length());
                charset = bom.charset();
                source = "bom";
            } else if ((charset = labelled(label)) != null) {
                source = "label";
            } else {
                charset = detect(head, head.length == PROBE);
                source = "detected";
            }
            return new Decoded(new BufferedReader(new InputStreamReader(in, decoder(charset, replaceMalformed)), 1 << 16),
                    charset, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A byte order mark at the start of the body: the charset it says and its length in bytes. */
    private record Bom(Charset charset, int length) {
        /** The mark {@code head} starts with (UTF-8, UTF-16 LE or BE), or null. */
        static Bom of(byte[] head) {
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            return null;
        }
    }

    /** A decoder of {@code charset} that replaces malformed input with U+FFFD, or reports it (a row error upstream). */
    private static CharsetDecoder decoder(Charset charset, boolean replaceMalformed) {
        CharsetDecoder decoder = charset.newDecoder();
        if (replaceMalformed) {
            return decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith("\uFFFD");
        }
        return decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** UTF-8 if the bytes decode strictly as UTF-8 (a truncated last sequence allowed when more follows), else GB18030. */
    static Charset detect(byte[] head, boolean more) {
        int zeroEven = 0;
        int zeroOdd = 0;
        int n = Math.min(head.length, 2000);
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            }
        }
        if (n >= 4 && zeroOdd > n / 4 && zeroEven == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 4 && zeroEven > n / 4 && zeroOdd == 0) {
            return StandardCharsets.UTF_16BE;
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head);
        CharBuffer chars = CharBuffer.allocate(head.length + 1);
        CoderResult r = d.decode(bytes, chars, !more);
        if (r.isError()) {
            return GB18030;
        }
        if (!more) {
            r = d.flush(chars);
            if (r.isError()) {
                return GB18030;
            }
        }
        // with more to come, up to 3 bytes of a sequence cut by the probe may be left undecoded
        return bytes.remaining() <= 3 ? StandardCharsets.UTF_8 : GB18030;
    }

    static boolean isCodingProblem(Throwable e) {
        return e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException;
    }
}
