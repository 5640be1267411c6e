package org.mysqlreplication.event;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * The optional metadata at the end of a TABLE_MAP_EVENT (MySQL 8.0.1+ / MariaDB 10.5+,
 * {@code binlog_row_metadata}), one component per TLV field type of MySQL's {@code rows_event.h}. A component is
 * {@code null} (or empty for lists) when the event does not carry that field. Column ordinals in the
 * charset maps count only the columns of that kind (character columns, or ENUM/SET columns), as the server
 * writes them.
 *
 * @param signedness                 SIGNEDNESS (1): bit i set = the i-th numeric column is UNSIGNED (MariaDB
 *                                   counts YEAR as numeric, MySQL does not: see {@code event.decode.ServerFlavor})
 * @param defaultCharset             DEFAULT_CHARSET (2): the default collation of character columns
 * @param charsetOverrides           DEFAULT_CHARSET (2): character column ordinal to collation, where it differs
 * @param columnCharsets             COLUMN_CHARSET (3): the collation of each character column
 * @param columnNames                COLUMN_NAME (4): the name of each column
 * @param setStrValues               SET_STR_VALUE (5): the labels of each SET column
 * @param enumStrValues              ENUM_STR_VALUE (6): the labels of each ENUM column
 * @param geometryTypes              GEOMETRY_TYPE (7): the geometry type of each GEOMETRY column
 * @param simplePrimaryKey           SIMPLE_PRIMARY_KEY (8): the column indexes of the primary key
 * @param primaryKeyWithPrefix       PRIMARY_KEY_WITH_PREFIX (9): key parts with prefix lengths (0 = whole column)
 * @param enumAndSetDefaultCharset   ENUM_AND_SET_DEFAULT_CHARSET (10)
 * @param enumAndSetCharsetOverrides ENUM_AND_SET_DEFAULT_CHARSET (10): ENUM/SET column ordinal to collation
 * @param enumAndSetColumnCharsets   ENUM_AND_SET_COLUMN_CHARSET (11)
 * @param columnVisibility           COLUMN_VISIBILITY (12): bit i set = column i is visible
 * @param vectorDimensionality       VECTOR_DIMENSIONALITY (13): the dimension of each VECTOR column
 * @param unknownFields              fields of a type this library does not know, kept raw in order
 *
 * <p>Immutable and thread-safe.
 */
public record TableMapOptionalMetadata(
        BitSet signedness,
        Integer defaultCharset,
        Map<Integer, Integer> charsetOverrides,
        List<Integer> columnCharsets,
        List<String> columnNames,
        List<List<String>> setStrValues,
        List<List<String>> enumStrValues,
        List<Integer> geometryTypes,
        List<Integer> simplePrimaryKey,
        List<KeyPart> primaryKeyWithPrefix,
        Integer enumAndSetDefaultCharset,
        Map<Integer, Integer> enumAndSetCharsetOverrides,
        List<Integer> enumAndSetColumnCharsets,
        BitSet columnVisibility,
        List<Integer> vectorDimensionality,
        List<RawField> unknownFields) {

    /** One part of a primary key: a column index and its prefix length (0 = the whole column). Immutable. */
    public record KeyPart(int column, int prefixLength) {}

    /** A field of an unknown type kept raw: its type code and value bytes. Immutable (copies in and out). */
    public record RawField(int type, byte[] value) {
        public RawField {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    public TableMapOptionalMetadata {
        signedness = signedness == null ? null : (BitSet) signedness.clone();
        columnVisibility = columnVisibility == null ? null : (BitSet) columnVisibility.clone();
        charsetOverrides = Map.copyOf(charsetOverrides);
        enumAndSetCharsetOverrides = Map.copyOf(enumAndSetCharsetOverrides);
        columnCharsets = List.copyOf(columnCharsets);
        columnNames = List.copyOf(columnNames);
        setStrValues = setStrValues.stream().map(List::copyOf).toList();
        enumStrValues = enumStrValues.stream().map(List::copyOf).toList();
        geometryTypes = List.copyOf(geometryTypes);
        simplePrimaryKey = List.copyOf(simplePrimaryKey);
        primaryKeyWithPrefix = List.copyOf(primaryKeyWithPrefix);
        enumAndSetColumnCharsets = List.copyOf(enumAndSetColumnCharsets);
        vectorDimensionality = List.copyOf(vectorDimensionality);
        unknownFields = List.copyOf(unknownFields);
    }

    @Override
    public BitSet signedness() {
        return signedness == null ? null : (BitSet) signedness.clone();
    }

    @Override
    public BitSet columnVisibility() {
        return columnVisibility == null ? null : (BitSet) columnVisibility.clone();
    }

    /** No optional metadata (a server before MySQL 8.0.1 / MariaDB 10.5, or binlog_row_metadata off). */
    public static TableMapOptionalMetadata empty() {
        return new TableMapOptionalMetadata(
                null, null, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                Map.of(), List.of(), null, List.of(), List.of());
    }
}
