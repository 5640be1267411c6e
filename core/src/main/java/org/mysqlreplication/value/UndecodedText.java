package org.mysqlreplication.value;

import java.util.Arrays;
import java.util.Objects;

/**
 * A text column's value that could not be turned into a {@link String}, delivered with its bytes as stored and
 * the reason, instead of an error that would end the stream (python-mysql-replication's
 * {@code ignore_decode_errors}, without dropping the bytes it could not decode):
 * <ul>
 * <li>{@link Reason#UNKNOWN_CHARSET}: the column's character set is not known to the reader. A CHAR or VARCHAR
 *     read without TABLE_MAP charset metadata and without an {@code information_schema} row for its table (a
 *     binlog file read from disk, a table dropped since, a user without SELECT), or a collation id this
 *     library does not know. The bytes may be in any charset, so they are not guessed at.</li>
 * <li>{@link Reason#INVALID_BYTES}: the bytes are not valid in the column's known charset. MariaDB stores such
 *     bytes in a utf8mb4 column when they come in as {@code _binary} literals or under {@code SET NAMES binary},
 *     and its SELECT returns them as stored.</li>
 * </ul>
 *
 * <p>The decoders count every such value (see {@code DecodeContext.undecodedText()}). {@link #toString()}
 * names the reason and the length, never the bytes; the rows events' dump text prints the bytes as Python's
 * bytes repr followed by the reason.
 *
 * @param bytes       the value's bytes as the server stored them
 * @param collationId the column's collation id, {@link ColumnDef#UNKNOWN_COLLATION} when not known
 * @param reason      why the bytes are not a {@link String}
 *
 * <p>Immutable and thread-safe (copies in and out).
 */
public record UndecodedText(byte[] bytes, int collationId, Reason reason) {

    /** Why a text value stayed bytes. */
    public enum Reason {
        /** The column's character set is not known to the reader. */
        UNKNOWN_CHARSET,
        /** The bytes are not valid in the column's character set. */
        INVALID_BYTES
    }

    public UndecodedText {
        bytes = bytes.clone();
        Objects.requireNonNull(reason, "reason");
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /**
     * The reason in words, for the dump text: {@code unknown charset}, or {@code not valid utf8mb4} naming the
     * column's MySQL character set.
     */
    public String reasonText() {
        if (reason == Reason.UNKNOWN_CHARSET) {
            return "unknown charset";
        }
        String charset = Collations.mysqlCharsetNameOf(collationId);
        return "not valid " + (charset == null ? "in collation " + collationId : charset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UndecodedText u
                && collationId == u.collationId
                && reason == u.reason
                && Arrays.equals(bytes, u.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(collationId, reason, Arrays.hashCode(bytes));
    }

    /** The reason and the length; never the bytes (they are row data). */
    @Override
    public String toString() {
        return "UndecodedText[" + reasonText() + ", " + bytes.length + " byte(s)]";
    }
}
