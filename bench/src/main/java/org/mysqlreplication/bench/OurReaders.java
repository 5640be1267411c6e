package org.mysqlreplication.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.mysqlreplication.client.BinLogStreamReader;
import org.mysqlreplication.client.BinLogStreamReaderConfig;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.jsonl.JsonLines;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.PrimitiveValues;

/**
 * Our readers: {@link BinLogStreamReader} over the network, {@link BinlogFileReader}, and the network reader's rows
 * as JSON lines. Stateless.
 */
public final class OurReaders {

    private OurReaders() {}

    /**
     * Streams the binlog non-blocking from the start file to its end, folding every value of every row, or
     * only each row's key (column 0, the BIGINT id) when {@code keyOnly}; with lazy rows when {@code lazy}.
     */
    public static ReadResult network(Target t, boolean lazy, boolean keyOnly) {
        BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                .connection(t.host(), t.port(), t.user(), t.password())
                .serverId(t.serverId())
                .startAt(t.startFile(), 4)
                .blocking(false)
                .readAheadBytes(
                        Integer.getInteger("bench.readAheadBytes", BinLogStreamReaderConfig.DEFAULT_READ_AHEAD_BYTES))
                .lazyRows(lazy)
                .build();
        ValueFold fold = new ValueFold();
        long events = 0;
        try (BinLogStreamReader reader = new BinLogStreamReader(config)) {
            BinlogEvent e;
            while ((e = reader.fetchOne()) != null) {
                events++;
                if (keyOnly) {
                    foldKeys(e, fold);
                } else {
                    fold(e, fold);
                }
            }
        }
        return ReadResult.of(fold, events, 0);
    }

    /**
     * Streams the binlog with lazy rows, whose common values {@link JsonLines} writes from their bytes, and writes
     * every row change as a JSON line ({@link JsonLines#utf8}, with its position) through a 64 KiB buffer to a
     * {@link NullJsonSink}: rows are the lines written, bytes their bytes.
     */
    public static ReadResult json(Target t) {
        BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                .connection(t.host(), t.port(), t.user(), t.password())
                .serverId(t.serverId())
                .startAt(t.startFile(), 4)
                .blocking(false)
                .readAheadBytes(
                        Integer.getInteger("bench.readAheadBytes", BinLogStreamReaderConfig.DEFAULT_READ_AHEAD_BYTES))
                .lazyRows(true)
                .build();
        NullJsonSink sink = new NullJsonSink();
        long events = 0;
        try (BinLogStreamReader reader = new BinLogStreamReader(config);
                OutputStream out = new BufferedOutputStream(sink, 1 << 16)) {
            JsonLines lines = JsonLines.utf8(out, false);
            BinlogEvent e;
            while ((e = reader.fetchOne()) != null) {
                events++;
                BinlogPosition p = reader.position();
                lines.write(e, p.file(), p.position());
            }
            lines.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReadResult(sink.lines(), events, sink.bytes(), sink.checksum(), 0);
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

    /** Folds the key of each row (an update's before image: the key the cache holds). */
    static void foldKeys(BinlogEvent e, ValueFold fold) {
        if (e instanceof UpdateRowsEvent u) {
            for (UpdateRow r : u.rows()) {
                fold.countRow();
                fold.canonical(0, r.before().getLong(0));
            }
        } else if (e instanceof RowsEvent rows) {
            for (Row r : rows instanceof WriteRowsEvent w ? w.rows() : ((DeleteRowsEvent) rows).rows()) {
                fold.countRow();
                fold.canonical(0, r.getLong(0));
            }
        }
    }

    /**
     * Every value of the row, as a consumer that knows its table reads it: integer and floating-point columns
     * through the typed accessors (no boxed object; the fold's canonical form of a number is the same either
     * way), the others through {@link Row#get(int)}.
     */
    private static void row(Row r, ValueFold fold) {
        TableSchema table = r.table();
        for (int i = 0, n = r.size(); i < n; i++) {
            ColumnDef def = table.columns().get(i).def();
            if (r.isNull(i)) {
                fold.value(i, null);
            } else if (PrimitiveValues.isInteger(def)) {
                fold.canonical(i, r.getLong(i));
            } else if (def.type() == ColumnType.DOUBLE) {
                fold.canonical(i, Double.doubleToLongBits(r.getDouble(i)));
            } else {
                fold.value(i, r.get(i));
            }
        }
    }
}
