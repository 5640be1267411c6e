package org.mysqlreplication.value;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.mysqlreplication.io.ByteReader;

/**
 * VARCHAR and CHAR columns, and the text decoding the BLOB family shares.
 *
 * <p>Layout: VARCHAR has a 1-byte length prefix when its metadata (maximum byte length) is below 256, else
 * 2 bytes little-endian; CHAR has a 1-byte prefix when its maximum byte length ({@link
 * ColumnMetadata#stringMaxLength}) is at most 255, else 2 bytes. The server strips CHAR's trailing spaces
 * before writing.
 *
 * <p>Results: {@code byte[]} for the binary collation (63); otherwise a {@link String} decoded with the
 * collation's charset. Decoding is strict: bytes that are not valid in the charset never turn into U+FFFD, and
 * a value whose charset is not known is not guessed at; both come out as an {@link UndecodedText} with the
 * bytes and the reason (never an error: one odd value must not end a stream).
 * {@code latin1} is decoded as MySQL defines it (cp1252 whose five undefined bytes map to U+0081, U+008D,
 * U+008F, U+0090, U+009D).
 *
 * <p>Stateless and thread-safe.
 */
final class StringValues {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private StringValues() {}

    static Object varchar(ByteReader in, ColumnDef def) {
        return text(in, length(in, def), def, true);
    }

    /** Reads a VARCHAR's or CHAR's length prefix (see {@link #lengthWidth}). */
    static int length(ByteReader in, ColumnDef def) {
        return lengthWidth(def) == 1 ? in.readUint8() : in.readUint16();
    }

    /**
     * The width of a VARCHAR's or CHAR's length prefix: a VARCHAR's is 1 byte when its maximum byte length
     * (metadata) is below 256, else 2; a CHAR's 2 bytes when its maximum byte length is above 255, else 1.
     */
    static int lengthWidth(ColumnDef def) {
        if (def.type() == ColumnType.VARCHAR || def.type() == ColumnType.VAR_STRING) {
            return def.meta() < 256 ? 1 : 2;
        }
        return ColumnMetadata.stringMaxLength(def.meta()) > 255 ? 2 : 1;
    }

    /**
     * CHAR and BINARY. The server strips the pad character before writing (a space for text, 0x00 for the
     * binary collation); a SELECT gives BINARY(n) back as all n bytes, so the zeros are restored here. Text keeps
     * no trailing spaces, as a SELECT shows it under the default SQL mode.
     */
    static Object fixedChar(ByteReader in, ColumnDef def) {
        int maxLength = ColumnMetadata.stringMaxLength(def.meta());
        int length = length(in, def);
        if (def.collationId() == ColumnDef.BINARY_COLLATION && length <= maxLength) {
            byte[] padded = new byte[maxLength];
            System.arraycopy(in.readBytes(length), 0, padded, 0, length);
            return padded;
        }
        return text(in, length, def, true);
    }

    /**
     * {@code length} bytes as text or bytes: {@code byte[]} for the binary collation; a {@link String} in the
     * collation's charset; an {@link UndecodedText} when the bytes are not valid in it, or when the collation is
     * not known and {@code textWhenUnknown} (CHAR/VARCHAR, which are text even when their charset is unknown;
     * the BLOB family passes false: an unknown collation there gives {@code byte[]}, as a BLOB is far more often
     * binary than a TEXT is anything).
     */
    static Object text(ByteReader in, int length, ColumnDef def, boolean textWhenUnknown) {
        int collation = def.collationId();
        if (collation == ColumnDef.BINARY_COLLATION || (collation == ColumnDef.UNKNOWN_COLLATION && !textWhenUnknown)) {
            return in.readBytes(length);
        }
        Charset cs = collation == ColumnDef.UNKNOWN_COLLATION ? null : Collations.charsetOrNull(collation);
        if (cs == null) {
            return new UndecodedText(in.readBytes(length), collation, UndecodedText.Reason.UNKNOWN_CHARSET);
        }
        if (in.remaining() < length) {
            in.skip(length); // raises the overrun with offset, needed and available
        }
        int offset = in.arrayOffset();
        String s = decode(in.array(), offset, length, cs);
        if (s == null) {
            return new UndecodedText(in.readBytes(length), collation, UndecodedText.Reason.INVALID_BYTES);
        }
        in.skip(length);
        return s;
    }

    /** The text, or {@code null} when the bytes are not valid in {@code cs}. */
    private static String decode(byte[] buf, int offset, int length, Charset cs) {
        if (cs.equals(CP1252)) {
            return mysqlLatin1(buf, offset, length);
        }
        if (cs instanceof SingleByteCharset own) {
            return own.decodeOrNull(buf, offset, length);
        }
        // Fast path: the JDK's optimized decoding; it replaces bad input with U+FFFD, so only when one
        // appears is the input decoded again strictly (a genuine U+FFFD in the data passes that check).
        String fast = new String(buf, offset, length, cs);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        try {
            return cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * MySQL's latin1 differs from ISO-8859-1 only in bytes 0x80..0x9F (cp1252's punctuation, euro sign, ...):
     * without those the JDK's ISO-8859-1 decoding, a plain copy into a compact string, gives the same text.
     */
    private static String mysqlLatin1(byte[] buf, int offset, int length) {
        int end = offset + length;
        int at = offset;
        while (at < end && (buf[at] & 0xE0) != 0x80) {
            at++;
        }
        if (at == end) {
            return new String(buf, offset, length, StandardCharsets.ISO_8859_1);
        }
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = Latin1Table.CHARS[buf[offset + i] & 0xFF];
        }
        return new String(out);
    }

    /** MySQL's latin1 as a 256-entry table: cp1252, with its undefined bytes mapped to the same code point. */
    private static final class Latin1Table {
        static final char[] CHARS = build();

        private static char[] build() {
            char[] t = new char[256];
            for (int b = 0; b < 256; b++) {
                String s = new String(new byte[] {(byte) b}, CP1252);
                t[b] = s.charAt(0) == '\uFFFD' ? (char) b : s.charAt(0);
            }
            return t;
        }
    }
}
