package org.mysqlreplication.bench;

/**
 * A reader built on another project (Maxwell, Debezium) whose dependencies must not share a class path with
 * the connector's or each other's: it lives in its own module ({@code bench-maxwell}, {@code bench-debezium},
 * built by {@code bin/bench} with the {@code cdc} profile), and {@link ReaderProcess} loads it by name in a
 * child JVM whose class path has that module's dependencies first.
 *
 * <p>Implementations need a public no-argument constructor; one instance serves every pass of one JVM.
 */
public interface ExternalReader {

    /**
     * Streams the workload's changes once, from {@code start} (after the DDL: these readers resume from a
     * position, they do not replay the table's creation), until {@code expectedRows} changes were delivered or
     * the stream went quiet, and returns then (the tool still running, see {@link #stop()}) how many were delivered (rows), how many JSON bytes they made (bytes)
     * and a checksum of those bytes (all).
     *
     * @param pass 1 for the JVM's first pass, 2 for the next, ...: each pass must start afresh
     */
    ReadResult read(Target target, DataStart start, long expectedRows, int pass) throws Exception;

    /**
     * Stops what {@link #read} left running (the tool does not stop by itself at the end of the binlog); called
     * after the pass is measured, so a tool's shutdown (Maxwell waits up to 5 s for a final heartbeat) is not timed.
     */
    void stop() throws Exception;
}
