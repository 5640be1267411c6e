package org.mysqlreplication.bench;

import java.nio.file.Path;
import org.mysqlreplication.client.BinLogStreamReader;
import org.mysqlreplication.client.BinLogStreamReaderConfig;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.file.BinlogFileReader;

/** Our two readers: {@link BinLogStreamReader} over the network and {@link BinlogFileReader}. Stateless. */
public final class OurReaders {

    private OurReaders() {
    }

    /** Streams the binlog non-blocking from the start file to its end, folding every row. */
    public static ReadResult network(Target t) {
        BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                .connection(t.host(), t.port(), t.user(), t.password())
                .serverId(t.serverId())
                .startAt(t.startFile(), 4)
                .blocking(false)
                .readAheadBytes(Integer.getInteger("bench.readAheadBytes",
                        BinLogStreamReaderConfig.DEFAULT_READ_AHEAD_BYTES))
                .build();
        ValueFold fold = new ValueFold();
        long events = 0;
        try (BinLogStreamReader reader = new BinLogStreamReader(config)) {
            BinlogEvent e;
            while ((e = reader.fetchOne()) != null) {
                events++;
                fold(e, fold);
            }
        }
        return ReadResult.of(fold, events, 0);
    }

    /** Reads the binlog files in order, folding every row. */
    public static ReadResult files(Target t) {
        ValueFold fold = new ValueFold();
        long events = 0;
        for (Path file : t.files()) {
            try (BinlogFileReader reader = new BinlogFileReader(file)) {
                BinlogEvent e;
                while ((e = reader.next()) != null) {
                    events++;
                    fold(e, fold);
                }
            }
        }
        return ReadResult.of(fold, events, 0);
    }

    static void fold(BinlogEvent e, ValueFold fold) {
        if (e instanceof WriteRowsEvent w) {
            for (Row r : w.rows()) {
                fold.countRow();
                row(r, fold);
            }
        } else if (e instanceof UpdateRowsEvent u) {
            for (UpdateRow r : u.rows()) {
                fold.countRow();
                row(r.before(), fold);
                row(r.after(), fold);
            }
        } else if (e instanceof DeleteRowsEvent d) {
            for (Row r : d.rows()) {
                fold.countRow();
                row(r, fold);
            }
        }
    }

    private static void row(Row r, ValueFold fold) {
        for (int i = 0, n = r.size(); i < n; i++) {
            fold.value(i, r.get(i));
        }
    }
}
