package org.mysqlreplication.schema;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mysqlreplication.value.Collations;
import org.mysqlreplication.value.ColumnDef;

/**
 * What the schema check needs to know about character sets: the most bytes one character takes
 * ({@code mbmaxlen}, which turns CHAR(n)/VARCHAR(n) into the byte length TABLE_MAP gives), the character set of
 * a collation name, and a collation id for a character set (so the value decoder can pick the Java charset).
 *
 * <p>Thread-safe.
 */
public final class Charsets {

    /** mbmaxlen of each character set MySQL 8 and MariaDB 10.11 have (their {@code SHOW CHARACTER SET}). */
    private static final Map<String, Integer> MAX_BYTES = Map.ofEntries(
            Map.entry("big5", 2),
            Map.entry("dec8", 1),
            Map.entry("cp850", 1),
            Map.entry("hp8", 1),
            Map.entry("koi8r", 1),
            Map.entry("latin1", 1),
            Map.entry("latin2", 1),
            Map.entry("swe7", 1),
            Map.entry("ascii", 1),
            Map.entry("ujis", 3),
            Map.entry("sjis", 2),
            Map.entry("hebrew", 1),
            Map.entry("tis620", 1),
            Map.entry("euckr", 2),
            Map.entry("koi8u", 1),
            Map.entry("gb2312", 2),
            Map.entry("greek", 1),
            Map.entry("cp1250", 1),
            Map.entry("gbk", 2),
            Map.entry("latin5", 1),
            Map.entry("armscii8", 1),
            Map.entry("utf8mb3", 3),
            Map.entry("utf8", 3),
            Map.entry("ucs2", 2),
            Map.entry("cp866", 1),
            Map.entry("keybcs2", 1),
            Map.entry("macce", 1),
            Map.entry("macroman", 1),
            Map.entry("cp852", 1),
            Map.entry("latin7", 1),
            Map.entry("utf8mb4", 4),
            Map.entry("cp1251", 1),
            Map.entry("utf16", 4),
            Map.entry("utf16le", 4),
            Map.entry("cp1256", 1),
            Map.entry("cp1257", 1),
            Map.entry("utf32", 4),
            Map.entry("binary", 1),
            Map.entry("geostd8", 1),
            Map.entry("cp932", 2),
            Map.entry("eucjpms", 3),
            Map.entry("gb18030", 4));

    private static final Map<String, Integer> FIRST_ID = new ConcurrentHashMap<>();

    private Charsets() {}

    /** The most bytes a character of {@code charset} takes, or -1 when the charset is not known. */
    public static int maxBytes(String charset) {
        return charset == null ? -1 : MAX_BYTES.getOrDefault(charset, -1);
    }

    /** {@code utf8} is {@code utf8mb3}: the name the servers report now. */
    public static String normalize(String charset) {
        if (charset == null) {
            return null;
        }
        String c = charset.toLowerCase(Locale.ROOT);
        return c.equals("utf8") ? "utf8mb3" : c;
    }

    /** The character set of a collation name ({@code latin1_swedish_ci} is latin1), or null if not recognizable. */
    static String ofCollation(String collation) {
        if (collation == null) {
            return null;
        }
        String c = collation.toLowerCase(Locale.ROOT);
        if (c.equals("binary")) {
            return "binary";
        }
        int us = c.indexOf('_');
        String cs = normalize(us < 0 ? c : c.substring(0, us));
        return MAX_BYTES.containsKey(cs) ? cs : null;
    }

    /** The character set of a collation id, as the binlog gives it, or null. */
    public static String ofCollationId(int id) {
        return id == ColumnDef.UNKNOWN_COLLATION ? null : normalize(Collations.mysqlCharsetNameOf(id));
    }

    /**
     * A collation id of {@code charset} (its lowest: the collation's own id is only known where the binlog or
     * the server gives it; decoding needs only the charset), {@link ColumnDef#UNKNOWN_COLLATION} when none.
     */
    public static int idOf(String charset) {
        if (charset == null) {
            return ColumnDef.UNKNOWN_COLLATION;
        }
        if (charset.equals("binary")) {
            return ColumnDef.BINARY_COLLATION;
        }
        return FIRST_ID.computeIfAbsent(charset, cs -> {
            for (int id = 1; id < 4096; id++) {
                if (cs.equals(normalize(Collations.mysqlCharsetNameOf(id)))) {
                    return id;
                }
            }
            return ColumnDef.UNKNOWN_COLLATION;
        });
    }
}
