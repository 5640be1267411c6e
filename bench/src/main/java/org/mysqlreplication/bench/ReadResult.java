package org.mysqlreplication.bench;

/**
 * What one reader saw: rows and events decoded, payload bytes received (raw reader) and the value checksums.
 */
public record ReadResult(long rows, long events, long bytes, long allChecksum, long comparedChecksum) {

    static ReadResult of(ValueFold fold, long events, long bytes) {
        return new ReadResult(fold.rows(), events, bytes, fold.all(), fold.compared());
    }
}
