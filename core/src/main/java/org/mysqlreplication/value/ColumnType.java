package org.mysqlreplication.value;

/**
 * Column type codes as the binlog writes them in TABLE_MAP events ({@code enum_field_types} in the MySQL
 * and MariaDB sources). ENUM and SET columns usually appear as {@link #STRING} with the real type in the
 * high byte of the column metadata; the value decoders resolve that.
 *
 * <p>Immutable and thread-safe.
 */
public enum ColumnType {
    DECIMAL(0),
    TINY(1),
    SHORT(2),
    LONG(3),
    FLOAT(4),
    DOUBLE(5),
    NULL(6),
    TIMESTAMP(7),
    LONGLONG(8),
    INT24(9),
    DATE(10),
    TIME(11),
    DATETIME(12),
    YEAR(13),
    NEWDATE(14),
    VARCHAR(15),
    BIT(16),
    TIMESTAMP2(17),
    DATETIME2(18),
    TIME2(19),
    TYPED_ARRAY(20),
    VECTOR(242),
    INVALID(243),
    BOOL(244),
    JSON(245),
    NEWDECIMAL(246),
    ENUM(247),
    SET(248),
    TINY_BLOB(249),
    MEDIUM_BLOB(250),
    LONG_BLOB(251),
    BLOB(252),
    VAR_STRING(253),
    STRING(254),
    GEOMETRY(255);

    private static final ColumnType[] BY_CODE = new ColumnType[256];

    static {
        for (ColumnType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    ColumnType(int code) {
        this.code = code;
    }

    /** The type code as it stands in the binlog. */
    public int code() {
        return code;
    }

    /** The type of a binlog type code, or {@code null} when the code is not a known type. */
    public static ColumnType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
