package org.mysqlreplication.value;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps MySQL/MariaDB collation ids and character set names to Java charsets.
 *
 * <p>The id table ({@code collations.txt} beside this class) holds the ids a MariaDB 10.11 server reports in
 * {@code information_schema.COLLATION_CHARACTER_SET_APPLICABILITY} (ids 1..247 shared with MySQL, MariaDB's
 * own 576+, 1025+ "nopad" and 2048+ {@code uca1400} ids) plus MySQL 8's own ids (76, 248..250 {@code gb18030},
 * 255..323 {@code utf8mb4_*_0900_*}). The two servers agree on every id both use.
 *
 * <p>Character set name to Java charset, where MySQL's definition and Java's differ slightly:
 * {@code latin1} is MySQL's cp1252 variant and maps to {@code windows-1252} (MySQL also maps the five bytes
 * cp1252 leaves undefined, 0x81 0x8D 0x8F 0x90 0x9D, to U+0081..; {@link StringValues} decodes those the
 * MySQL way); {@code ucs2} maps to {@code UTF-16BE} (UCS-2 is its BMP subset); {@code utf16}/{@code utf32}
 * are big-endian; {@code utf8}/{@code utf8mb3}/{@code utf8mb4} all map to {@code UTF-8}. {@code binary} has
 * no charset: {@code null}. {@code dec8}, {@code hp8}, {@code swe7}, {@code keybcs2}, {@code armscii8} and
 * {@code geostd8}, which Java does not have, and {@code cp866}, {@code cp1256}, {@code greek}, {@code hebrew},
 * {@code koi8u} and {@code tis620}, where Java's namesakes differ from the servers' in a few bytes, are decoded
 * with the servers' own tables ({@link SingleByteCharset}). An id or name this table does not know raises
 * {@link UnknownCollationException}.
 *
 * <p>Stateless and thread-safe: the tables are built once and never change.
 */
public final class Collations {

    /** The {@code binary} collation id. */
    public static final int BINARY = 63;

    private static final String RESOURCE = "collations.txt";

    /** Java charset name per MySQL charset name; absent = no Java equivalent. */
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("big5", "Big5"),
            Map.entry("cp850", "IBM850"),
            Map.entry("koi8r", "KOI8-R"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("latin2", "ISO-8859-2"),
            Map.entry("ascii", "US-ASCII"),
            Map.entry("ujis", "EUC-JP"),
            Map.entry("sjis", "Shift_JIS"),
            Map.entry("euckr", "EUC-KR"),
            Map.entry("gb2312", "GB2312"),
            Map.entry("cp1250", "windows-1250"),
            Map.entry("gbk", "GBK"),
            Map.entry("latin5", "ISO-8859-9"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("utf8mb3", "UTF-8"),
            Map.entry("utf8mb4", "UTF-8"),
            Map.entry("ucs2", "UTF-16BE"),
            Map.entry("macce", "x-MacCentralEurope"),
            Map.entry("macroman", "x-MacRoman"),
            Map.entry("cp852", "IBM852"),
            Map.entry("latin7", "ISO-8859-13"),
            Map.entry("cp1251", "windows-1251"),
            Map.entry("utf16", "UTF-16BE"),
            Map.entry("utf16le", "UTF-16LE"),
            Map.entry("cp1257", "windows-1257"),
            Map.entry("utf32", "UTF-32BE"),
            Map.entry("cp932", "windows-31j"),
            Map.entry("eucjpms", "x-eucJP-Open"),
            Map.entry("gb18030", "GB18030"));

    /** MySQL charset name per collation id; null = unknown id. */
    private static final String[] CHARSET_BY_ID = loadTable();

    /**
     * Java charset per collation id, resolved once: row decoding asks for every string value, and a lookup by
     * name each time showed up in profiles. null = binary, unknown, or no Java equivalent (then
     * {@link #charsetOf} goes the slow way to raise the error).
     */
    private static final Charset[] JAVA_CHARSET_BY_ID = resolveAll();

    private Collations() {}

    /**
     * The Java charset of a collation id: {@code null} for 63 ({@code binary}).
     *
     * @throws UnknownCollationException when the id is not known (including
     *                                   {@link ColumnDef#UNKNOWN_COLLATION}) or its charset has no Java equivalent
     */
    public static Charset charsetOf(int collationId) {
        if (collationId == BINARY) {
            return null;
        }
        if (collationId >= 0 && collationId < JAVA_CHARSET_BY_ID.length && JAVA_CHARSET_BY_ID[collationId] != null) {
            return JAVA_CHARSET_BY_ID[collationId];
        }
        String name = mysqlCharsetNameOf(collationId);
        if (name == null) {
            throw new UnknownCollationException(
                    "collation id " + collationId + " is not a known MySQL/MariaDB collation");
        }
        return charsetOfName(name);
    }

    /**
     * The Java charset of a text collation id, or {@code null} when the id is not known or its charset has no
     * decoder; for the value decoders, which give such values as {@link UndecodedText}.
     */
    static Charset charsetOrNull(int collationId) {
        return collationId >= 0 && collationId < JAVA_CHARSET_BY_ID.length ? JAVA_CHARSET_BY_ID[collationId] : null;
    }

    /** The MySQL character set name of a collation id ({@code utf8mb4}, {@code latin1}, ...), null if unknown. */
    public static String mysqlCharsetNameOf(int collationId) {
        return collationId >= 0 && collationId < CHARSET_BY_ID.length ? CHARSET_BY_ID[collationId] : null;
    }

    /**
     * The Java charset of a MySQL character set name as {@code information_schema} reports it (case-insensitive):
     * {@code null} for {@code binary}.
     *
     * @throws UnknownCollationException when the name is unknown or has no Java equivalent
     */
    public static Charset charsetOfName(String mysqlCharsetName) {
        String key = mysqlCharsetName.toLowerCase(Locale.ROOT);
        if (key.equals("binary")) {
            return null;
        }
        Charset own = SingleByteCharset.BY_MYSQL_NAME.get(key);
        if (own != null) {
            return own;
        }
        String javaName = JAVA_NAMES.get(key);
        if (javaName == null || !Charset.isSupported(javaName)) {
            java.util.Set<String> known = new java.util.TreeSet<>(JAVA_NAMES.keySet());
            known.addAll(SingleByteCharset.BY_MYSQL_NAME.keySet());
            throw new UnknownCollationException("MySQL character set '" + mysqlCharsetName
                    + "' has no decoder here (expected one of " + known + " or binary)");
        }
        return Charset.forName(javaName);
    }

    private static Charset[] resolveAll() {
        Charset[] table = new Charset[CHARSET_BY_ID.length];
        for (int id = 0; id < table.length; id++) {
            String name = CHARSET_BY_ID[id];
            String key = name == null ? null : name.toLowerCase(Locale.ROOT);
            String javaName = key == null ? null : JAVA_NAMES.get(key);
            if (key != null && SingleByteCharset.BY_MYSQL_NAME.containsKey(key)) {
                table[id] = SingleByteCharset.BY_MYSQL_NAME.get(key);
            } else if (javaName != null && Charset.isSupported(javaName)) {
                table[id] = Charset.forName(javaName);
            }
        }
        return table;
    }

    private static String[] loadTable() {
        Map<Integer, String> byId = new HashMap<>();
        int max = 0;
        for (String[] parts : ResourceTable.rows(RESOURCE)) {
            int id = Integer.parseInt(parts[0]);
            byId.put(id, parts[1].intern());
            max = Math.max(max, id);
        }
        String[] table = new String[max + 1];
        byId.forEach((id, name) -> table[id] = name);
        return table;
    }
}
