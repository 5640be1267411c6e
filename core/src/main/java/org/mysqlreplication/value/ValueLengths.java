package org.mysqlreplication.value;

import org.mysqlreplication.io.ByteReader;

/**
 * How many bytes one non-NULL value of a column takes in a row image, without decoding it: what a lazy row
 * needs to find where each value starts. The sizes are those {@link ValueDecoder} consumes, type by type (the
 * family classes document the layouts); a test over every fixture checks that both agree.
 *
 * <p>Fixed-size types have their size in {@link #fixed(ColumnDef)}; the others (VARCHAR, CHAR, the BLOB
 * family) begin with a length prefix that {@link #skipVariable(ByteReader, ColumnDef)} reads.
 *
 * <p>Stateless and thread-safe.
 */
public final class ValueLengths {

    /** {@link #fixed(ColumnDef)} of a type whose values begin with a length prefix. */
    public static final int VARIABLE = -1;

    private ValueLengths() {}

    /**
     * The size of every value of the column, or {@link #VARIABLE}. Each family class gives its own sizes (and
     * checks the metadata they come from), so that these sizes are the ones its decoding consumes.
     *
     * @throws InvalidColumnValueException    when the metadata breaks the type's rules (a DECIMAL precision
     *                                        above 65, an fsp above 6, ...), as decoding would
     * @throws UnsupportedColumnTypeException for a type whose values cannot be delimited
     */
    public static int fixed(ColumnDef def) {
        switch (def.type()) {
            case TINY:
            case YEAR:
            case SHORT:
            case INT24:
            case LONG:
            case FLOAT:
            case LONGLONG:
            case DOUBLE:
                return PrimitiveValues.size(def);
            case NEWDECIMAL:
                return DecimalValues.size(def);
            case DATE:
            case NEWDATE:
                return LegacyTemporalValues.size(def.type());
            case TIME:
            case DATETIME:
            case TIMESTAMP:
                return def.meta() == 0 ? LegacyTemporalValues.size(def.type()) : MariadbHiresTemporalValues.size(def);
            case TIME2:
            case DATETIME2:
            case TIMESTAMP2:
                return TemporalValues.size(def);
            case BIT:
                return BitEnumSetValues.bitSize(def);
            case STRING:
            case ENUM:
            case SET:
                return stringOrEnumOrSet(def);
            case NULL:
                return 0;
            case VARCHAR:
            case VAR_STRING:
                return VARIABLE;
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
            case BLOB:
            case GEOMETRY:
            case JSON:
            case VECTOR:
                BlobValues.prefixWidth(def);
                return VARIABLE;
            case DECIMAL:
                throw new UnsupportedColumnTypeException(def.type(), ValueDecoder.OLD_DECIMAL_REASON);
            default:
                throw new UnsupportedColumnTypeException(def.type(), ValueDecoder.NO_LAYOUT_REASON);
        }
    }

    /**
     * Moves {@code in} past one value of a {@link #VARIABLE} column: its length prefix and that many bytes.
     *
     * @throws org.mysqlreplication.io.ByteReaderOverrunException when the value runs past the input
     */
    public static void skipVariable(ByteReader in, ColumnDef def) {
        long length;
        switch (def.type()) {
            case VARCHAR:
            case VAR_STRING:
            case STRING:
                length = StringValues.length(in, def);
                break;
            default:
                length = BlobValues.length(in, def);
                break;
        }
        in.skip(length > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) length);
    }

    private static int stringOrEnumOrSet(ColumnDef def) {
        switch (ColumnMetadata.realType(def.type(), def.meta())) {
            case ENUM:
                return BitEnumSetValues.enumSize(def);
            case SET:
                return BitEnumSetValues.setSize(def);
            default:
                return VARIABLE;
        }
    }
}
