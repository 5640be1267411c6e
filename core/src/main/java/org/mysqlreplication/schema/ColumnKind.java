package org.mysqlreplication.schema;

import org.mysqlreplication.value.ColumnType;

/**
 * How TABLE_MAP optional metadata counts a column: numeric (SIGNEDNESS), character (charset fields), ENUM, SET,
 * GEOMETRY, VECTOR, or none. Follows {@code is_numeric_type} / {@code is_character_type} /
 * {@code is_enum_or_set_type} of MySQL's {@code rows_event.cpp}, applied to the real type (a STRING column's
 * metadata carries ENUM or SET as its real type).
 */
enum ColumnKind {
    NUMERIC, CHARACTER, ENUM, SET, GEOMETRY, VECTOR, OTHER;

    /**
     * The kind of a column from its TABLE_MAP type and metadata. For STRING the metadata is
     * {@code byte0 << 8 | byte1} as {@code ColumnDef} documents, byte0 being the real type when its bits 0x30
     * are both set (otherwise a CHAR longer than 255 with length bits folded in).
     */
    static ColumnKind of(ColumnType type, int meta) {
        return switch (type) {
            case TINY, SHORT, INT24, LONG, LONGLONG, FLOAT, DOUBLE, NEWDECIMAL -> NUMERIC;
            case VARCHAR, VAR_STRING, BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB -> CHARACTER;
            case ENUM -> ENUM;
            case SET -> SET;
            case GEOMETRY -> GEOMETRY;
            case VECTOR -> VECTOR;
            case STRING -> ofString(meta);
            default -> OTHER;
        };
    }

    private static ColumnKind ofString(int meta) {
        int byte0 = meta >>> 8 & 0xFF;
        if ((byte0 & 0x30) != 0x30) {
            return CHARACTER;
        }
        if (byte0 == ColumnType.ENUM.code()) {
            return ENUM;
        }
        return byte0 == ColumnType.SET.code() ? SET : CHARACTER;
    }
}
