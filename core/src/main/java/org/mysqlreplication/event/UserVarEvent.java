package org.mysqlreplication.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.InvalidColumnValueException;
import org.mysqlreplication.value.LargeValue;
import org.mysqlreplication.value.ValueDecoder;

/**
 * USER_VAR_EVENT: the value of a user variable used by the next statement (statement-based logging).
 *
 * @param name    the variable name, without {@code @}
 * @param isNull  whether the value is SQL NULL (then type, charset, value and flags are 0/empty)
 * @param type    the {@code Item_result} type: 0 STRING_RESULT, 1 REAL_RESULT, 2 INT_RESULT, 3 ROW_RESULT,
 *                4 DECIMAL_RESULT
 * @param charset the collation id of a string value
 * @param value   the raw value bytes (a string in {@code charset}, a little-endian double or 64-bit integer, or a
 *                decimal: precision (1 byte), scale (1 byte), then the value in the binary DECIMAL format of a
 *                DECIMAL(precision, scale) column, as {@code User_var_log_event} writes it with
 *                {@code decimal2bin}); empty when the value is a {@code largeValue}
 * @param flags   {@code UNSIGNED_F} = 1 for an unsigned integer; 0 when absent (servers before 5.6)
 * @param largeValue null, or the value when it is larger than the reader's large-value threshold (a string of
 *                that size, as {@code SET @v = REPEAT('x', 60*1024*1024)} makes, in an event larger than the
 *                threshold): it stays in the event's spill file and is read from there (see {@link LargeValue},
 *                {@link LargeValue#ofUserVariable}); {@code value} is then empty and {@link #decodedValue()} gives
 *                this handle. So no USER_VAR event needs more heap than the threshold.
 *
 * <p>Immutable and thread-safe (a large value is read from its spill file, see {@link LargeValue} for its
 * lifetime). {@link #dump()} prints a large value's length, not its content.
 */
public record UserVarEvent(
        EventHeader header,
        String name,
        boolean isNull,
        int type,
        long charset,
        byte[] value,
        int flags,
        LargeValue largeValue)
        implements BinlogEvent {

    public static final int STRING_RESULT = 0;
    public static final int REAL_RESULT = 1;
    public static final int INT_RESULT = 2;
    public static final int ROW_RESULT = 3;
    public static final int DECIMAL_RESULT = 4;
    /** Flag of an unsigned integer value. */
    public static final int UNSIGNED_F = 1;

    private static final String[] TYPE_NAMES = {
        "STRING_RESULT", "REAL_RESULT", "INT_RESULT", "ROW_RESULT", "DECIMAL_RESULT"
    };

    public UserVarEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(name, "name");
        value = value.clone();
        if (largeValue != null && (isNull || value.length > 0)) {
            throw new IllegalArgumentException("a large value comes without inline bytes and is not NULL");
        }
    }

    /** A user variable whose value is in {@code value} (not a large value). */
    public UserVarEvent(
            EventHeader header, String name, boolean isNull, int type, long charset, byte[] value, int flags) {
        this(header, name, isNull, type, charset, value, flags, null);
    }

    /** The size of the value in bytes, whether in {@link #value()} or in {@link #largeValue()}. */
    public long valueLength() {
        return largeValue != null ? largeValue.length() : value.length;
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The name of {@link #type()} ({@code UNKNOWN_TYPE} for a code outside 0-4). */
    public String typeName() {
        return type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[type] : "UNKNOWN_TYPE";
    }

    /**
     * The value as a Java object where the type says how: {@code null} for NULL, a {@code Long} or
     * {@code BigInteger} for INT_RESULT, a {@code Double} for REAL_RESULT, a {@code BigDecimal} with the value's
     * scale for DECIMAL_RESULT ({@code SET @d := 123.4500} gives 123.4500), a {@code String} for STRING_RESULT
     * (decoded as UTF-8 when the bytes are not binary), the {@link #largeValue()} handle for a value larger than
     * the large-value threshold (never read here), else the raw bytes.
     *
     * @throws org.mysqlreplication.value.InvalidColumnValueException for a decimal whose bytes break the format
     *     (the decoder checks this when it reads the event)
     */
    public Object decodedValue() {
        if (isNull) {
            return null;
        }
        if (largeValue != null) {
            return largeValue;
        }
        if (type == INT_RESULT && value.length == 8) {
            long v = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong();
            return (flags & UNSIGNED_F) != 0 && v < 0 ? new BigInteger(Long.toUnsignedString(v)) : (Object) v;
        }
        if (type == REAL_RESULT && value.length == 8) {
            return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getDouble();
        }
        if (type == DECIMAL_RESULT) {
            return decimal(value);
        }
        if (type == STRING_RESULT && charset != 63) {
            return new String(value, StandardCharsets.UTF_8);
        }
        return value.clone();
    }

    /**
     * A DECIMAL_RESULT value: precision and scale, then the binary decimal of a DECIMAL(precision, scale) column
     * ({@code bin2decimal} reads it so in mysqlbinlog's {@code User_var_log_event::print}), all of it.
     */
    static BigDecimal decimal(byte[] value) {
        if (value.length < 2) {
            throw new InvalidColumnValueException(
                    ColumnType.NEWDECIMAL,
                    "a decimal user variable needs its precision and scale bytes, found " + value.length + " byte(s)");
        }
        int precision = value[0] & 0xFF;
        int scale = value[1] & 0xFF;
        ByteReader in = ByteReader.of(value, 2, value.length - 2);
        BigDecimal d =
                (BigDecimal) ValueDecoder.decode(in, ColumnDef.of(ColumnType.NEWDECIMAL, precision << 8 | scale));
        if (in.hasRemaining()) {
            throw new InvalidColumnValueException(
                    ColumnType.NEWDECIMAL,
                    "a DECIMAL(" + precision + "," + scale + ") user variable has " + in.remaining()
                            + " byte(s) after its value");
        }
        return d;
    }

    @Override
    public String dump() {
        DumpText d = DumpText.start("UserVarEvent", header)
                .field("User variable name", name)
                .field("Is NULL", isNull ? "Yes" : "No");
        if (!isNull) {
            d.field("Type", typeName())
                    .field("Charset", charset)
                    .field(
                            "Value",
                            largeValue != null
                                    ? DumpText.truncation(largeValue.length()).strip()
                                    : decodedValue())
                    .field("Flags", flags);
        }
        return d.end();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserVarEvent u
                && header.equals(u.header)
                && name.equals(u.name)
                && isNull == u.isNull
                && type == u.type
                && charset == u.charset
                && java.util.Arrays.equals(value, u.value)
                && flags == u.flags
                && Objects.equals(largeValue, u.largeValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, name, type);
    }

    /** Without the value: it may be user data. */
    @Override
    public String toString() {
        return "UserVarEvent[name=" + name + ", isNull=" + isNull + ", type=" + typeName() + ", " + valueLength()
                + " byte(s)" + (largeValue != null ? " in a spill file" : "") + "]";
    }
}
