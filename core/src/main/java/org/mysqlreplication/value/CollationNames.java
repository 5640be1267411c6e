package org.mysqlreplication.value;

import java.util.List;

/**
 * The name of a collation id as the server that wrote the binlog names it ({@code information_schema.COLLATIONS},
 * python-mysql-replication's {@code column.collation_name}); {@link Collations} gives its character set.
 *
 * <p>Ids below 1024 come from {@code collation-names.txt} beside this class: MySQL's list, with MariaDB's own ids and
 * the five ids MariaDB names otherwise (its {@code *_croatian_mysql561_ci}). Above, MariaDB's ids follow its rules:
 * <ul>
 *   <li>1024..2047: the NO PAD variant of collation {@code id - 1024} ({@code MY_NOPAD_ID(x)} is {@code x + 0x400}
 *       in MariaDB's {@code m_ctype.h}), named with {@code _nopad} before its last part
 *       ({@code latin1_swedish_ci} 8, {@code latin1_swedish_nopad_ci} 1032; {@code latin1_bin} 47,
 *       {@code latin1_nopad_bin} 1071). MariaDB has these for each character set's default and binary collations
 *       and the Unicode charsets' {@code unicode_ci} and {@code unicode_520_ci}; other ids of the range get the name
 *       such a variant would have.</li>
 *   <li>2048..4095: UCA 14.0.0 collations, the id's bits {@code 1ccc tttt tPST} saying the character set
 *       ({@code c}: utf8mb3, utf8mb4, ucs2, utf16, utf32), the tailoring ({@code t}), NO PAD ({@code P}), accent
 *       ({@code S}) and case ({@code T}) sensitivity ({@code strings/ctype-uca1400.h}); the name is
 *       {@code <charset>_uca1400[_<tailoring>][_nopad]_<ai|as>_<ci|cs>}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe: the tables are built once and never change.
 */
public final class CollationNames {

    private static final String RESOURCE = "collation-names.txt";
    private static final int NOPAD_FIRST = 1024;
    private static final int UCA1400_FIRST = 2048;
    private static final int UCA1400_LAST = 4095;

    /** The uca1400 charsets in the order of the id's {@code ccc} bits. */
    private static final List<String> UCA1400_CHARSETS = List.of("utf8mb3", "utf8mb4", "ucs2", "utf16", "utf32");

    /**
     * The uca1400 tailorings by the id's {@code ttttt} bits: tailoring {@code i} is the one the UCA 4.0.0
     * collation {@code utf8mb3_<name>_ci} has with id {@code 192 + i} (index 0 is the root, {@code unicode_ci});
     * 21 and 22 ({@code croatian_mysql561}, {@code unicode_520}) have no 14.0.0 version, 24 is MariaDB's own
     * croatian (576). null: no such tailoring.
     */
    private static final String[] TAILORINGS = {
        "", "icelandic", "latvian", "romanian", "slovenian", "polish", "estonian", "spanish", "swedish", "turkish",
        "czech", "danish", "lithuanian", "slovak", "spanish2", "roman", "persian", "esperanto", "hungarian", "sinhala",
        "german2", null, null, "vietnamese", "croatian"
    };

    private static final String[] MYSQL = new String[NOPAD_FIRST];
    private static final String[] MARIADB = new String[NOPAD_FIRST];

    static {
        for (String[] row : ResourceTable.rows(RESOURCE)) {
            int id = Integer.parseInt(row[0]);
            String mariadb = row.length < 3 ? row[1] : row[2];
            MYSQL[id] = row[1].equals("-") ? null : row[1];
            MARIADB[id] = mariadb.equals("-") ? null : mariadb;
        }
    }

    private CollationNames() {}

    /** The name a MySQL server gives collation {@code id}, or null when MySQL has no such id. */
    public static String mysql(int id) {
        return id > 0 && id < NOPAD_FIRST ? MYSQL[id] : null;
    }

    /** The name a MariaDB server gives collation {@code id}, or null when MariaDB has no such id. */
    public static String mariadb(int id) {
        if (id > 0 && id < NOPAD_FIRST) {
            return MARIADB[id];
        }
        if (id >= NOPAD_FIRST && id < UCA1400_FIRST) {
            return noPad(MARIADB[id - NOPAD_FIRST]);
        }
        return id >= UCA1400_FIRST && id <= UCA1400_LAST ? uca1400(id) : null;
    }

    /** The name of the NO PAD variant of {@code padName}: {@code _nopad} before its last part. */
    private static String noPad(String padName) {
        if (padName == null || padName.equals("binary")) {
            return null;
        }
        int last = padName.lastIndexOf('_');
        return padName.substring(0, last) + "_nopad" + padName.substring(last);
    }

    private static String uca1400(int id) {
        int charset = id >> 8 & 0x07;
        int tailoring = id >> 3 & 0x1F;
        if (charset >= UCA1400_CHARSETS.size() || tailoring >= TAILORINGS.length || TAILORINGS[tailoring] == null) {
            return null;
        }
        StringBuilder name = new StringBuilder(UCA1400_CHARSETS.get(charset)).append("_uca1400");
        if (!TAILORINGS[tailoring].isEmpty()) {
            name.append('_').append(TAILORINGS[tailoring]);
        }
        if ((id & 0x04) != 0) {
            name.append("_nopad");
        }
        return name.append((id & 0x02) != 0 ? "_as" : "_ai")
                .append((id & 0x01) != 0 ? "_cs" : "_ci")
                .toString();
    }
}
