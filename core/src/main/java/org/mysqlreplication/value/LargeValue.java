package org.mysqlreplication.value;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Objects;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFileClosedException;

/**
 * A BLOB, TEXT, JSON, GEOMETRY or VECTOR value larger than the reader's {@code largeValueThreshold}, from a rows
 * event larger than it, or a user variable's string value of that size, from a USER_VAR event (see
 * {@link #ofUserVariable}): the value stays in the event's spill file on disk and is read from there, as a stream
 * ({@link #openStream()}) or, when it fits, as one array ({@link #toByteArray()}).
 *
 * <p>The bytes are the value as stored, exactly what the column's usual Java type would be made of: TEXT's
 * encoded characters (decode them with {@link #charset()}), BLOB's and MySQL binary JSON's bytes, GEOMETRY's
 * SRID and WKB, VECTOR's little-endian floats.
 *
 * <p>Lifetime: the spill file stays while this value (or its row or event) is reachable, and is released when
 * nothing refers to it any more, or at the latest when the reader that decoded it is closed. Reading it after
 * that raises {@link SpillFileClosedException}: read large values before closing the reader.
 *
 * <p>{@link #toString()} shows the type and size, never the content. {@code equals} is identity: comparing
 * contents means reading them. Thread-safe: any number of threads may read it at once.
 */
public final class LargeValue {

    /** The largest array the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final SpillFile file;
    private final long offset;
    private final long length;
    private final ColumnType type;
    private final Charset charset;

    private LargeValue(SpillFile file, long offset, long length, ColumnType type, Charset charset) {
        this.file = Objects.requireNonNull(file, "file");
        this.offset = offset;
        this.length = length;
        this.type = type;
        this.charset = charset;
    }

    /**
     * For decoders: the value of a column of {@code def} (a type with a length prefix, see
     * {@link ValueDecoder#lengthPrefixWidth}) whose {@code length} bytes start at {@code offset} of {@code file}.
     *
     * @throws UnknownCollationException for a text column whose collation has no Java charset
     */
    public static LargeValue of(SpillFile file, long offset, long length, ColumnDef def) {
        if (ValueDecoder.lengthPrefixWidth(def) == 0) {
            throw new IllegalArgumentException(def.type() + " values have no length prefix");
        }
        checkRegion(file, offset, length);
        return new LargeValue(file, offset, length, def.type(), charsetOf(def));
    }

    /**
     * For decoders: the string value of a user variable (USER_VAR_EVENT, statement-based logging) whose
     * {@code length} bytes start at {@code offset} of {@code file}. It is given as a LONGTEXT or LONGBLOB column's
     * value would be: {@link #type()} {@link ColumnType#BLOB}, {@link #charset()} the charset of {@code collationId},
     * {@code null} for {@code binary} or for a collation with no Java charset (the bytes are then given as they are;
     * the event keeps the collation id).
     */
    public static LargeValue ofUserVariable(SpillFile file, long offset, long length, long collationId) {
        checkRegion(file, offset, length);
        Charset charset;
        try {
            charset = collationId > Integer.MAX_VALUE ? null : Collations.charsetOf((int) collationId);
        } catch (UnknownCollationException e) {
            charset = null;
        }
        return new LargeValue(file, offset, length, ColumnType.BLOB, charset);
    }

    private static void checkRegion(SpillFile file, long offset, long length) {
        if (offset < 0 || length < 0 || offset > file.length() - length) {
            throw new IllegalArgumentException(
                    "value of " + length + " bytes at offset " + offset + " outside " + file);
        }
    }

    /** Text for a BLOB-family column with a known, non-binary collation; bytes otherwise, as the usual decoding. */
    private static Charset charsetOf(ColumnDef def) {
        switch (def.type()) {
            case GEOMETRY:
            case JSON:
            case VECTOR:
                return null;
            default:
                int collation = def.collationId();
                return collation == ColumnDef.BINARY_COLLATION || collation == ColumnDef.UNKNOWN_COLLATION
                        ? null
                        : Collations.charsetOf(collation);
        }
    }

    /** The size of the value in bytes. */
    public long length() {
        return length;
    }

    /** The column type as TABLE_MAP gives it (BLOB for all of TINYBLOB..LONGBLOB and TEXT). */
    public ColumnType type() {
        return type;
    }

    /**
     * The charset of a text value (TEXT, or MariaDB's JSON, a LONGTEXT), {@code null} for bytes (BLOB, a column of
     * unknown collation, MySQL's binary JSON, GEOMETRY, VECTOR). MySQL's {@code latin1} is {@code windows-1252},
     * which differs from it in five unassigned bytes.
     */
    public Charset charset() {
        return charset;
    }

    /**
     * A new stream over the value's bytes, read from the spill file as it goes; several may be open at once.
     * Closing it is optional: it holds no system resource.
     *
     * @throws SpillFileClosedException (from the stream's reads too) after the reader was closed
     */
    public InputStream openStream() {
        return file.openStream(offset, length);
    }

    /**
     * The value's bytes in one new array.
     *
     * @throws LargeValueException if the value is larger than a Java array holds (about 2 GiB)
     * @throws SpillFileClosedException after the reader was closed
     */
    public byte[] toByteArray() {
        if (length > MAX_ARRAY) {
            throw new LargeValueException("a " + type + " value of " + length + " bytes does not fit in a Java array"
                    + " of at most " + MAX_ARRAY + " bytes: read it with openStream()");
        }
        byte[] out = new byte[(int) length];
        file.readFully(offset, out, 0, out.length);
        return out;
    }

    @Override
    public String toString() {
        return "LargeValue[" + type + ", " + length + " bytes" + (charset == null ? "" : ", " + charset.name()) + "]";
    }
}
