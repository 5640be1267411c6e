package org.mysqlreplication.value;

import java.util.List;
import java.util.Objects;

/**
 * What the value decoders need to know about one column: the type and metadata from TABLE_MAP, and what
 * TABLE_MAP's optional metadata or the server's {@code information_schema} adds (signedness, collation,
 * ENUM/SET labels).
 *
 * @param type        the type code from TABLE_MAP (ENUM/SET may be {@link ColumnType#STRING} here)
 * @param meta        the per-column metadata from TABLE_MAP as one integer: for 2-byte metadata the
 *                    little-endian value as written (for STRING that is {@code real_type << 8 | length byte}
 *                    in the order the decoder documents), 0 when the type has none
 * @param unsigned    whether an integer or decimal column is UNSIGNED
 * @param collationId the column's collation id, {@link #UNKNOWN_COLLATION} when not known; 63 is binary
 * @param enumValues  ENUM labels in order, empty when not known
 * @param setValues   SET labels in order, empty when not known
 *
 * <p>Immutable and thread-safe.
 */
public record ColumnDef(
        ColumnType type, int meta, boolean unsigned, int collationId, List<String> enumValues, List<String> setValues) {

    /** {@link #collationId()} when the collation is not known. */
    public static final int UNKNOWN_COLLATION = -1;

    /** The {@code binary} collation: the bytes are not text. */
    public static final int BINARY_COLLATION = 63;

    public ColumnDef {
        Objects.requireNonNull(type, "type");
        enumValues = List.copyOf(enumValues);
        setValues = List.copyOf(setValues);
    }

    /** A column known only by its TABLE_MAP type and metadata. */
    public static ColumnDef of(ColumnType type, int meta) {
        return new ColumnDef(type, meta, false, UNKNOWN_COLLATION, List.of(), List.of());
    }
}
