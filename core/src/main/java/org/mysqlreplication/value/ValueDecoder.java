package org.mysqlreplication.value;

import java.util.EnumSet;
import java.util.Set;
import org.mysqlreplication.io.ByteReader;

/**
 * Decodes one non-NULL column value of a rows event into a standard Java type, by type family.
 *
 * <p>Java type per column type (see the family classes for layouts and edge cases):
 * <ul>
 * <li>TINY, SHORT, INT24 (signed or unsigned), signed LONG: {@link Integer}; unsigned LONG, LONGLONG:
 *     {@link Long}; unsigned LONGLONG above {@link Long#MAX_VALUE}: {@link java.math.BigInteger}</li>
 * <li>YEAR: {@link Integer} (1901..2155, 0 for the zero year)</li>
 * <li>FLOAT: {@link Float}; DOUBLE: {@link Double}</li>
 * <li>NEWDECIMAL: {@link java.math.BigDecimal} with the column's scale</li>
 * <li>VARCHAR, VAR_STRING, CHAR (STRING): {@link String} in the collation's charset, {@code byte[]} for the
 *     binary collation, {@link UndecodedText} when the collation is unknown or the bytes are not valid in it</li>
 * <li>BLOB family: {@code byte[]} for a binary or unknown collation, {@link String} for a known text one
 *     ({@link UndecodedText} when the bytes are not valid in it)</li>
 * <li>DATE, NEWDATE: {@link java.time.LocalDate}; DATETIME, DATETIME2: {@link java.time.LocalDateTime};
 *     TIMESTAMP, TIMESTAMP2: {@link java.time.Instant}; any of them zero or not a valid calendar date:
 *     {@link MysqlDateTime}; TIME, TIME2: {@link java.time.Duration} (may be negative or above 24 h)</li>
 * <li>ENUM: {@link String} label when the labels are known ("" for index 0), else {@link Integer} index</li>
 * <li>SET: {@code Set<String>} (labels in column order) when labels are known, else {@link Long} bitmask</li>
 * <li>BIT: {@link java.util.BitSet}, bit i = the value's bit of weight 2^i</li>
 * <li>JSON (MySQL's binary JSON): {@link org.mysqlreplication.value.json.MysqlJson}, the JSON text as MySQL
 *     prints it and the stored bytes (an empty value is the JSON literal {@code null})</li>
 * <li>GEOMETRY: {@code byte[]} as stored; VECTOR: {@code float[]}; NULL type: {@code null}</li>
 * </ul>
 *
 * <p>TIME, DATETIME and TIMESTAMP (the old type codes) have no TABLE_MAP metadata. Their {@link ColumnDef#meta()}
 * is 0 for the pre-5.6.4 formats; a caller that knows the column's fractional precision
 * ({@code information_schema.COLUMNS.DATETIME_PRECISION}) passes it as {@code meta}, which selects MariaDB's
 * own fractional format (MariaDB 5.3-10.0, or {@code mysql56_temporal_format=OFF}) for precision 1..6. Without
 * it such a column's values cannot be delimited.
 *
 * <p>Stateless and thread-safe.
 */
public final class ValueDecoder {

    static final String OLD_DECIMAL_REASON =
            "the pre-5.0 DECIMAL has no length in TABLE_MAP, so its values cannot be delimited";
    static final String NO_LAYOUT_REASON = "no row value layout for this type";

    /** The types whose values {@link BlobValues} decodes: a length prefix, then the bytes. */
    private static final Set<ColumnType> LENGTH_PREFIXED = EnumSet.of(
            ColumnType.TINY_BLOB,
            ColumnType.MEDIUM_BLOB,
            ColumnType.LONG_BLOB,
            ColumnType.BLOB,
            ColumnType.GEOMETRY,
            ColumnType.JSON,
            ColumnType.VECTOR);

    private ValueDecoder() {}

    /**
     * Decodes one non-NULL value of the column from {@code in}, consuming exactly its bytes.
     *
     * @throws UnsupportedColumnTypeException for a type this library does not decode
     * @throws InvalidColumnValueException    for bytes or metadata that break the type's layout
     * @throws org.mysqlreplication.io.ByteReaderOverrunException when the value runs past the input
     */
    public static Object decode(ByteReader in, ColumnDef def) {
        switch (def.type()) {
            case TINY:
            case SHORT:
            case INT24:
            case LONG:
            case LONGLONG:
            case YEAR:
                return IntegerValues.decode(in, def);
            case FLOAT:
            case DOUBLE:
                return FloatingPointValues.decode(in, def);
            case NEWDECIMAL:
                return DecimalValues.decode(in, def);
            case DATE:
            case NEWDATE:
                return LegacyTemporalValues.decode(in, def);
            case TIME:
            case DATETIME:
            case TIMESTAMP:
                return def.meta() == 0
                        ? LegacyTemporalValues.decode(in, def)
                        : MariadbHiresTemporalValues.decode(in, def);
            case TIME2:
            case DATETIME2:
            case TIMESTAMP2:
                return TemporalValues.decode(in, def);
            case VARCHAR:
            case VAR_STRING:
                return StringValues.varchar(in, def);
            case STRING:
            case ENUM:
            case SET:
                return stringOrEnumOrSet(in, def);
            case BIT:
                return BitEnumSetValues.bit(in, def);
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
            case BLOB:
            case GEOMETRY:
            case JSON:
            case VECTOR:
                return BlobValues.decode(in, def);
            case NULL:
                return null;
            case DECIMAL:
                throw new UnsupportedColumnTypeException(def.type(), OLD_DECIMAL_REASON);
            default:
                throw new UnsupportedColumnTypeException(def.type(), NO_LAYOUT_REASON);
        }
    }

    /**
     * The width of the length prefix before a value of this column: 1..4 bytes (the column's metadata) for the
     * BLOB family, GEOMETRY, JSON and VECTOR, whose values can be of any size; 0 for every other type.
     *
     * @throws InvalidColumnValueException if a length-prefixed type's metadata is not 1..4
     */
    public static int lengthPrefixWidth(ColumnDef def) {
        return LENGTH_PREFIXED.contains(def.type()) ? BlobValues.prefixWidth(def) : 0;
    }

    private static Object stringOrEnumOrSet(ByteReader in, ColumnDef def) {
        switch (ColumnMetadata.realType(def.type(), def.meta())) {
            case ENUM:
                return BitEnumSetValues.enumValue(in, def);
            case SET:
                return BitEnumSetValues.setValue(in, def);
            default:
                return StringValues.fixedChar(in, def);
        }
    }
}
