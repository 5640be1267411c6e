package org.mysqlreplication.event.decode;

import org.mysqlreplication.value.ColumnMetadata;
import org.mysqlreplication.value.ColumnType;

/**
 * How TABLE_MAP optional metadata counts a column: numeric (SIGNEDNESS), character (charset fields), ENUM, SET,
 * or none (GEOMETRY and VECTOR count as character). Follows {@code is_numeric_type} / {@code is_character_type} /
 * {@code is_enum_or_set_type} of MySQL's {@code rows_event.cpp}, applied to the real type (a STRING column's
 * metadata carries ENUM or SET as its real type).
 */
enum ColumnKind {
    NUMERIC, CHARACTER, ENUM, SET, OTHER;

    /** The kind of a column from its TABLE_MAP type and metadata (STRING resolved to its real type). */
    static ColumnKind of(ColumnType type, int meta) {
        return switch (ColumnMetadata.realType(type, meta)) {
            case TINY, SHORT, INT24, LONG, LONGLONG, FLOAT, DOUBLE, NEWDECIMAL -> NUMERIC;
            case STRING, VARCHAR, VAR_STRING, BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB -> CHARACTER;
            // MySQL 9 counts VECTOR columns (binary) among the character columns of the charset fields: seen in
            // a MySQL 9 binlog whose DEFAULT_CHARSET override for a TEXT after a VECTOR has ordinal 1
            case VECTOR -> CHARACTER;
            // and GEOMETRY too ("base class is blob", MySQL's is_character_type): a MariaDB 10.11 TABLE_MAP of
            // (VARCHAR, POINT, TEXT) has three COLUMN_CHARSET entries, 63 for the POINT
            case GEOMETRY -> CHARACTER;
            case ENUM -> ENUM;
            case SET -> SET;
            default -> OTHER;
        };
    }
}
