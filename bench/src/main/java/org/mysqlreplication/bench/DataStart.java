package org.mysqlreplication.bench;

import java.nio.file.Path;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.file.BinlogFileReader;

/**
 * Where the workload's data changes start: the position after its last DDL statement before the first rows
 * event ({@code CREATE TABLE}), in its binlog file. Maxwell and Debezium start there, as a CDC tool resumes from a
 * stored position: neither replays a table's creation over a schema that already has the table. Immutable.
 *
 * @param mariadbGtid the GTID of that DDL statement's event group (MariaDB's {@code domain-server-sequence}): the
 *                    position as a GTID, which Debezium's MariaDB connector resumes from; {@code null} if none
 */
public record DataStart(String file, long position, String mariadbGtid) {

    /** Scans the target's binlog files with our file reader. */
    public static DataStart of(Target t) {
        String file = null;
        long position = -1;
        String gtid = null;
        String ddlGtid = null;
        for (Path f : t.files()) {
            try (BinlogFileReader reader = new BinlogFileReader(f)) {
                BinlogEvent e;
                while ((e = reader.next()) != null) {
                    if (e instanceof RowsEvent) {
                        if (file == null) {
                            throw new IllegalStateException("no DDL before the first rows event in " + t);
                        }
                        return new DataStart(file, position, ddlGtid);
                    }
                    if (e instanceof MariadbGtidEvent g) {
                        gtid = g.gtid();
                    }
                    if (e instanceof QueryEvent q && !q.query().strip().equalsIgnoreCase("BEGIN")) {
                        file = f.getFileName().toString();
                        position = e.header().logPos();
                        ddlGtid = gtid;
                    }
                }
            }
        }
        throw new IllegalStateException("no rows event in " + t);
    }
}
