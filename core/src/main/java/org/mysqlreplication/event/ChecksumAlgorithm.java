package org.mysqlreplication.event;

/**
 * The binlog checksum algorithm ({@code enum_binlog_checksum_alg}): whether each event ends with a CRC32.
 *
 * <p>Immutable and thread-safe.
 */
public enum ChecksumAlgorithm {
    /** No checksum (code 0). */
    NONE(0),
    /** A 4-byte little-endian CRC32 of header and body after the body (code 1). */
    CRC32(1);

    private final int code;

    ChecksumAlgorithm(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The length of the checksum at the end of each event. */
    public int length() {
        return this == CRC32 ? 4 : 0;
    }

    /** The algorithm of a code; {@code null} for an unknown code (255 is "undefined"). */
    public static ChecksumAlgorithm ofCode(int code) {
        return switch (code) {
            case 0 -> NONE;
            case 1 -> CRC32;
            default -> null;
        };
    }
}
