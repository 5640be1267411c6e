package org.mysqlreplication.event.decode;

import org.mysqlreplication.value.ColumnMetadata;
import org.mysqlreplication.value.ColumnType;

/**
 * How TABLE_MAP optional metadata counts a column: numeric (SIGNEDNESS), character (charset fields), ENUM, SET,
 * GEOMETRY, VECTOR, or none, applied to the real type (a STRING column's metadata carries ENUM or SET as its real
 * type).
 *
 * <p>Numeric differs by server. MySQL follows {@code is_numeric_type} of its {@code rows_event.cpp}: TINY,
 * SHORT, INT24, LONG, LONGLONG, NEWDECIMAL, FLOAT, DOUBLE. MariaDB gives a SIGNEDNESS bit to every field whose
 * {@code binlog_type_info()} carries a signedness, which is {@code Field_num}'s (sql/field.h): the integers,
 * {@code Field_year} (a {@code Field_tiny}), FLOAT and DOUBLE ({@code Field_real}), the old and the new DECIMAL;
 * not BIT ({@code Field_bit} is no {@code Field_num}).
 *
 * <p>Character differs too. MySQL follows {@code is_character_type}: the string and BLOB types. MariaDB gives a
 * charset entry to every field whose {@code binlog_type_info()} carries a charset and is not ENUM/SET, and
 * {@code Field_geom::binlog_type_info()} passes its (binary) charset: a GEOMETRY column takes a place in
 * MariaDB's charset lists, so it is a character column here (its values are bytes whatever its collation).
 * ENUM/SET follow {@code is_enum_or_set_type} on both.
 */
enum ColumnKind {
    NUMERIC, CHARACTER, ENUM, SET, GEOMETRY, VECTOR, OTHER;

    /** The kind of a column from its TABLE_MAP type and metadata (STRING resolved to its real type). */
    static ColumnKind of(ColumnType type, int meta, ServerFlavor flavor) {
        return switch (ColumnMetadata.realType(type, meta)) {
            case TINY, SHORT, INT24, LONG, LONGLONG, FLOAT, DOUBLE, NEWDECIMAL -> NUMERIC;
            case YEAR, DECIMAL -> flavor == ServerFlavor.MARIADB ? NUMERIC : OTHER;
            case STRING, VARCHAR, VAR_STRING, BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB -> CHARACTER;
            case ENUM -> ENUM;
            case SET -> SET;
            case GEOMETRY -> flavor == ServerFlavor.MARIADB ? CHARACTER : GEOMETRY;
            case VECTOR -> VECTOR;
            default -> OTHER;
        };
    }
}
