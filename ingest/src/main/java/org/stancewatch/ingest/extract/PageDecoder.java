package org.stancewatch.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an HTML page into text, choosing the character set the way browsers do:
 * a byte-order mark first, then the {@code Content-Type} header, then a {@code <meta>} charset
 * in the first bytes of the page, then UTF-8.
 *
 * <p>Declarations are often wrong. Two mistakes are common enough to correct: a page declared
 * as Latin-1 (or ASCII, or windows-1252) whose bytes are valid UTF-8 with multi-byte sequences
 * is read as UTF-8, and a page declared as UTF-8 whose bytes are not valid UTF-8 is read as
 * windows-1252 rather than filled with replacement characters.
 */
public final class PageDecoder {
    /** How far into a page a {@code <meta charset>} is looked for (the HTML standard says 1024). */
    private static final int META_SCAN_BYTES = 4096;
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");
    private static final Pattern XML_ENCODING = Pattern.compile("(?i)<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PageDecoder() {}

    /** The decoded page and the charset used. */
    public record Decoded(String text, Charset charset) {}

    /** Decodes {@code bytes} served with the given {@code Content-Type} header (may be null). */
    public static Decoded decode(byte[] bytes, String contentType) {
        Optional<Charset> bom = bomCharset(bytes);
        if (bom.isPresent()) {
            int skip = bom.get() == StandardCharsets.UTF_8 ? 3 : 2;
            return new Decoded(new String(bytes, skip, bytes.length - skip, bom.get()), bom.get());
        }
        Charset declared = headerCharset(contentType).or(() -> documentCharset(bytes)).orElse(null);
        if (declared == null || declared == StandardCharsets.UTF_8 || isLatinFamily(declared)) {
            // One strict UTF-8 pass both checks and decodes; most pages are UTF-8.
            Optional<String> utf8 = strictUtf8(bytes);
            if (utf8.isPresent() && (declared == null || declared == StandardCharsets.UTF_8 || hasMultiByteUtf8(bytes))) {
                return new Decoded(utf8.get(), StandardCharsets.UTF_8);
            }
        }
        Charset chosen = correct(declared, bytes);
        return new Decoded(new String(bytes, chosen), chosen);
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The charset named by a {@code Content-Type} header value, if it names a known one. */
    public static Optional<Charset> headerCharset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? charsetNamed(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> documentCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher meta = META_CHARSET.matcher(head);
        if (meta.find()) {
            return charsetNamed(meta.group(1));
        }
        Matcher xml = XML_ENCODING.matcher(head);
        return xml.find() ? charsetNamed(xml.group(1)) : Optional.empty();
    }

    private static Charset correct(Charset declared, byte[] bytes) {
        if (declared == null || declared == StandardCharsets.UTF_8) {
            return isValidUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        if (isLatinFamily(declared) && hasMultiByteUtf8(bytes) && isValidUtf8(bytes)) {
            return StandardCharsets.UTF_8;
        }
        // The WHATWG encoding standard reads ISO-8859-1 and ASCII as windows-1252.
        return isLatinFamily(declared) ? WINDOWS_1252 : declared;
    }

    private static boolean isLatinFamily(Charset charset) {
        return charset == StandardCharsets.ISO_8859_1 || charset == StandardCharsets.US_ASCII
                || charset.equals(WINDOWS_1252);
    }

    private static Optional<Charset> bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    static Optional<Charset> charsetNamed(String name) {
        String cleaned = name.trim().toLowerCase(Locale.ROOT);
        // Pages that declare UTF-16 in a meta tag are in fact ASCII-compatible (the standard's rule).
        if (cleaned.startsWith("utf-16")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            return Optional.of(Charset.forName(cleaned));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static boolean hasMultiByteUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if ((b & 0x80) != 0) {
                return true;
            }
        }
        return false;
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
