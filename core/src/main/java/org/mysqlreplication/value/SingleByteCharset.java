package org.mysqlreplication.value;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A MySQL/MariaDB single-byte character set decoded from its own 256-entry table (the servers' charset
 * definitions, {@code single-byte-charsets.txt} beside this class): the charsets Java does not have
 * ({@code armscii8}, {@code dec8}, {@code geostd8}, {@code hp8}, {@code keybcs2}, {@code swe7}) and those whose
 * Java namesake maps a few bytes differently ({@code cp866}, {@code cp1256}, {@code greek}, {@code hebrew},
 * {@code koi8u}, {@code tis620}). A byte the charset gives no character is malformed input (the server converts it to
 * {@code ?}); the value decoders then give the value as {@link UndecodedText}.
 *
 * <p>Immutable and thread-safe; its decoders and encoders, as any, are not.
 */
final class SingleByteCharset extends Charset {

    private static final String RESOURCE = "single-byte-charsets.txt";
    private static final char NONE = '\uFFFF';

    /** The charsets of the resource by MySQL name. */
    static final Map<String, SingleByteCharset> BY_MYSQL_NAME = load();

    /** Byte to char; {@link #NONE} for a byte with no character. */
    private final char[] chars;
    /** Char to byte + 1 for the chars of this charset (0: not encodable). */
    private final Map<Character, Integer> bytes = new HashMap<>();

    private SingleByteCharset(String mysqlName, char[] chars) {
        super("x-mysql-" + mysqlName, null);
        this.chars = chars;
        for (int b = 0; b < 256; b++) {
            if (chars[b] != NONE) {
                bytes.putIfAbsent(chars[b], b);
            }
        }
    }

    /** {@code length} bytes as text, or {@code null} when one of them has no character. */
    String decodeOrNull(byte[] buf, int offset, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            char c = chars[buf[offset + i] & 0xFF];
            if (c == NONE) {
                return null;
            }
            out[i] = c;
        }
        return new String(out);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs.equals(this);
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new CharsetDecoder(this, 1f, 1f) {
            @Override
            protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                while (in.hasRemaining()) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    char c = chars[in.get(in.position()) & 0xFF];
                    if (c == NONE) {
                        return CoderResult.malformedForLength(1);
                    }
                    in.position(in.position() + 1);
                    out.put(c);
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new CharsetEncoder(this, 1f, 1f, new byte[] {'?'}) {
            @Override
            protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
                while (in.hasRemaining()) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    Integer b = bytes.get(in.get(in.position()));
                    if (b == null) {
                        return CoderResult.unmappableForLength(1);
                    }
                    in.position(in.position() + 1);
                    out.put((byte) (int) b);
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }

    private static Map<String, SingleByteCharset> load() {
        Map<String, SingleByteCharset> byName = new HashMap<>();
        for (String[] parts : ResourceTable.rows(RESOURCE)) {
            if (parts.length != 257) {
                throw new IllegalStateException(
                        RESOURCE + ": " + parts[0] + " has " + (parts.length - 1) + " entries, expected 256");
            }
            char[] chars = new char[256];
            Arrays.fill(chars, NONE);
            for (int b = 0; b < 256; b++) {
                int u = Integer.parseInt(parts[b + 1], 16);
                if (u != 0 || b == 0) {
                    chars[b] = (char) u;
                }
            }
            byName.put(parts[0], new SingleByteCharset(parts[0], chars));
        }
        return Map.copyOf(byName);
    }
}
