package org.mysqlreplication.event.decode;

import org.mysqlreplication.value.ColumnMetadata;
import org.mysqlreplication.value.ColumnType;

/**
 * How TABLE_MAP optional metadata counts a column: numeric (SIGNEDNESS), character (charset fields), ENUM, SET,
 * or none (GEOMETRY and VECTOR count as character), applied to the real type (a STRING column's metadata carries
 * ENUM or SET as its real type).
 *
 * <p>Numeric differs by server. MySQL follows {@code is_numeric_type} of its {@code rows_event.cpp}: TINY,
 * SHORT, INT24, LONG, LONGLONG, NEWDECIMAL, FLOAT, DOUBLE. MariaDB gives a SIGNEDNESS bit to every field whose
 * {@code binlog_type_info()} carries a signedness, which is {@code Field_num}'s (sql/field.h): the integers,
 * {@code Field_year} (a {@code Field_tiny}), FLOAT and DOUBLE ({@code Field_real}), the old and the new DECIMAL;
 * not BIT ({@code Field_bit} is no {@code Field_num}).
 *
 * <p>Character: MySQL's {@code is_character_type} has the string and BLOB types and GEOMETRY ("base class is blob
 * for geom type"); MariaDB's {@code Field_geom::binlog_type_info()} passes its (binary) charset too; MySQL 9
 * lists VECTOR columns there as well (seen in its binlogs). ENUM/SET follow {@code is_enum_or_set_type} on both.
 */
enum ColumnKind {
    NUMERIC,
    CHARACTER,
    ENUM,
    SET,
    OTHER;

    /** The kind of a column from its TABLE_MAP type and metadata (STRING resolved to its real type). */
    static ColumnKind of(ColumnType type, int meta, ServerFlavor flavor) {
        return switch (ColumnMetadata.realType(type, meta)) {
            case TINY, SHORT, INT24, LONG, LONGLONG, FLOAT, DOUBLE, NEWDECIMAL -> NUMERIC;
            case YEAR, DECIMAL -> flavor == ServerFlavor.MARIADB ? NUMERIC : OTHER;
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
