package org.mysqlreplication.event.decode;

import java.util.Objects;

/**
 * How a stream's events are decoded, chosen by the user before the first event and fixed for the stream: what to do
 * with an event type that is not decoded, whether CRC32 checksums are verified, whether rows are lazy views, and
 * from which size rows events and large values go to spill files. The state that changes as events go by is in
 * {@link DecodeContext}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param unknownEventPolicy  what an event type without a decoder becomes
 * @param verifyChecksum      whether CRC32 checksums are verified
 * @param lazyRows            whether rows are views that decode a value when it is read (see
 *                            {@link org.mysqlreplication.event.Row}); eager by default
 * @param largeValueThreshold rows events larger than this many bytes are read from a spill file, and their
 *                            BLOB-family values larger than it come out as
 *                            {@link org.mysqlreplication.value.LargeValue}; at least
 *                            {@value #MIN_LARGE_VALUE_THRESHOLD}
 */
public record DecodeOptions(
        UnknownEventPolicy unknownEventPolicy, boolean verifyChecksum, boolean lazyRows, int largeValueThreshold) {

    /** Default of {@link #largeValueThreshold()}: 8 MiB. */
    public static final int DEFAULT_LARGE_VALUE_THRESHOLD = 8 * 1024 * 1024;

    /**
     * The smallest {@link #largeValueThreshold()}: 1 KiB. Below it short TEXT and BLOB values, which fit any
     * heap, would come out as streams, and every rows event of a few rows would go through a file.
     */
    public static final int MIN_LARGE_VALUE_THRESHOLD = 1024;

    public DecodeOptions {
        Objects.requireNonNull(unknownEventPolicy, "unknownEventPolicy");
        checkLargeValueThreshold(largeValueThreshold);
    }

    /** The defaults with {@code policy}: checksums verified, eager rows, an 8 MiB large-value threshold. */
    public static DecodeOptions defaults(UnknownEventPolicy policy) {
        return new DecodeOptions(policy, true, false, DEFAULT_LARGE_VALUE_THRESHOLD);
    }

    public DecodeOptions withVerifyChecksum(boolean verify) {
        return new DecodeOptions(unknownEventPolicy, verify, lazyRows, largeValueThreshold);
    }

    public DecodeOptions withLazyRows(boolean lazy) {
        return new DecodeOptions(unknownEventPolicy, verifyChecksum, lazy, largeValueThreshold);
    }

    public DecodeOptions withLargeValueThreshold(int bytes) {
        return new DecodeOptions(unknownEventPolicy, verifyChecksum, lazyRows, bytes);
    }

    /** {@code bytes} when it is a valid large-value threshold; @throws IllegalArgumentException otherwise */
    public static int checkLargeValueThreshold(int bytes) {
        if (bytes < MIN_LARGE_VALUE_THRESHOLD) {
            throw new IllegalArgumentException(
                    "large-value threshold " + bytes + " bytes is below the minimum of " + MIN_LARGE_VALUE_THRESHOLD);
        }
        return bytes;
    }
}
