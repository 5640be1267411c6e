package org.mysqlreplication.client;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How a {@link BinLogStreamReader} presents itself to the server when it opens the dump, and what it asks of the
 * dump: what COM_REGISTER_SLAVE reports, the replica UUID, the heartbeat period, whether MariaDB sends its
 * ANNOTATE_ROWS events, and where the stream ends. Part of {@link BinLogStreamReaderConfig}, set through its
 * builder ({@code reportSlave}, {@code slaveUuid}, {@code slaveHeartbeat}, {@code annotateRowsEvent},
 * {@code endLogPos}: python-mysql-replication's names).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the report password.
 *
 * @param reportSlave       what COM_REGISTER_SLAVE reports ({@code SHOW SLAVE HOSTS}); {@code null}: empty fields
 * @param slaveUuid         set as {@code @slave_uuid} and {@code @replica_uuid} before the dump, as
 *                          python-mysql-replication and MySQL's own replicas do (MySQL shows it in
 *                          {@code SHOW REPLICAS}); {@code null}: not set. A UUID in its text form
 * @param slaveHeartbeat    how long the server may be idle before it sends a heartbeat; {@code null}: none
 * @param annotateRowsEvent whether the dump asks a MariaDB server for its ANNOTATE_ROWS events (the SQL of each
 *                          row change, {@code BINLOG_SEND_ANNOTATE_ROWS_EVENT}); MariaDB sends them only then
 * @param endLogPos         the stream ends after the first event that reaches this position (its end, the
 *                          header's log position, is at or past it), as python's {@code end_log_pos}; 0: no end
 */
public record DumpOptions(
        ReportSlave reportSlave, String slaveUuid, Duration slaveHeartbeat, boolean annotateRowsEvent, long endLogPos) {

    /** Nothing reported, no UUID, no heartbeat, no ANNOTATE_ROWS, no end. */
    public static final DumpOptions NONE = new DumpOptions(null, null, null, false, 0);

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public DumpOptions {
        if (slaveUuid != null && !UUID_TEXT.matcher(slaveUuid).matches()) {
            throw new IllegalArgumentException("slave uuid '" + slaveUuid
                    + "' is not a UUID in its text form (8-4-4-4-12 hexadecimal digits, as SELECT UUID() gives)");
        }
        if (slaveHeartbeat != null && (slaveHeartbeat.isNegative() || slaveHeartbeat.isZero())) {
            throw new IllegalArgumentException("heartbeat period " + slaveHeartbeat + " is not positive (null: none)");
        }
        if (endLogPos < 0 || endLogPos > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("end log position " + endLogPos + " not in 0..4294967295 (0: none)");
        }
    }

    /** What COM_REGISTER_SLAVE sends: {@link #reportSlave()}, or empty fields. */
    ReportSlave report() {
        return reportSlave != null ? reportSlave : new ReportSlave("", "", "", 0);
    }

    /** Whether an event ending at {@code logPos} (its header's log position) ends the stream. */
    boolean endsAt(long logPos) {
        return endLogPos > 0 && logPos >= endLogPos;
    }
}
