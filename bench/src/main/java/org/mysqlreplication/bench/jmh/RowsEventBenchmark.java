package org.mysqlreplication.bench.jmh;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mysqlreplication.bench.Workload;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.DecodeOptions;
import org.mysqlreplication.event.decode.EventDecoder;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.jsonl.JsonLines;
import org.mysqlreplication.testing.LocalMariaDb;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one WRITE_ROWS event of the workload's table (as the server wrote it: ~8 KB, about 20 rows of 11
 * columns, CRC32 checksum), every value handed to a Blackhole: ours ({@link EventDecoder}) and the connector's
 * {@code EventDeserializer} on the same bytes; and our JSON lines of that event ({@link JsonLines}: decoded and
 * written, written only, written only through a UTF-8 {@code Writer}; each line is held until the next, so each
 * call writes the event's rows but one, and the last of the call before). The event is captured once per fork from a throwaway MariaDB
 * ({@link LocalMariaDb}, so this benchmark needs the MariaDB binaries).
 *
 * <p>Forked with a pre-touched 1 GiB heap: without it the first seconds of an allocating benchmark are
 * dominated by page faults on fresh heap memory and the scores vary tenfold between iterations.
 *
 * <p>JMH state: one per benchmark thread run; not shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RowsEventBenchmark {

    private byte[] fde;
    private byte[] tableMap;
    private byte[] rows;
    private EventDecoder ours;
    private EventDecoder oursLazy;
    private EventDeserializer connector;
    private BinlogEvent decoded;
    private final java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream(1 << 16);
    private JsonLines lines;
    private java.io.Writer utf8;
    private JsonLines writerLines;

    @Setup(Level.Trial)
    public void capture() throws IOException {
        try (LocalMariaDb db = LocalMariaDb.builder().binlogRowMetadata("FULL").start()) {
            List<String> sql = new ArrayList<>(Workload.schema());
            sql.add("USE " + Workload.DATABASE);
            sql.add(new Workload(Workload.ROWS_PER_TRANSACTION).statements().get(0));
            db.execute(sql.toArray(String[]::new));
            String file = db.query("SHOW MASTER STATUS").get(0).get(0);
            split(Files.readAllBytes(db.binlogDir().resolve(file)));
        }
        ours = new EventDecoder(new DecodeContext(UnknownEventPolicy.DELIVER));
        ours.decode(ByteReader.of(fde));
        ours.decode(ByteReader.of(tableMap));
        oursLazy = new EventDecoder(new DecodeContext(
                DecodeOptions.defaults(UnknownEventPolicy.DELIVER).withLazyRows(true)));
        oursLazy.decode(ByteReader.of(fde));
        oursLazy.decode(ByteReader.of(tableMap));
        connector = new EventDeserializer();
        connector.nextEvent(new com.github.shyiko.mysql.binlog.io.ByteArrayInputStream(fde));
        connector.nextEvent(new com.github.shyiko.mysql.binlog.io.ByteArrayInputStream(tableMap));
        WriteRowsEvent w = (WriteRowsEvent) ours.decode(ByteReader.of(rows));
        System.out.println("rows event: " + rows.length + " bytes, " + w.rows().size() + " rows");
        decoded = w;
        lines = JsonLines.utf8(json, false);
        utf8 = new java.io.OutputStreamWriter(json, java.nio.charset.StandardCharsets.UTF_8);
        writerLines = new JsonLines(utf8, false);
    }

    /** Keeps the FORMAT_DESCRIPTION, the TABLE_MAP of the workload's table and its first WRITE_ROWS event. */
    private void split(byte[] file) {
        int at = 4;
        while (at < file.length && rows == null) {
            EventHeader h = EventDecoder.readHeader(ByteReader.of(file, at, file.length - at));
            byte[] event = java.util.Arrays.copyOfRange(file, at, at + (int) h.eventSize());
            if (h.eventType() == EventType.FORMAT_DESCRIPTION_EVENT) {
                fde = event;
            } else if (h.eventType() == EventType.TABLE_MAP_EVENT) {
                tableMap = event;
            } else if (h.eventType().isRowsEvent() && tableMap != null) {
                rows = event;
            }
            at += (int) h.eventSize();
        }
        if (fde == null || tableMap == null || rows == null) {
            throw new IllegalStateException("the binlog has no FORMAT_DESCRIPTION, TABLE_MAP and rows event");
        }
    }

    @Benchmark
    public void ours(Blackhole bh) {
        BinlogEvent e = ours.decode(ByteReader.of(rows));
        for (Row r : ((WriteRowsEvent) e).rows()) {
            for (int i = 0, n = r.size(); i < n; i++) {
                bh.consume(r.get(i));
            }
        }
    }

    /** The event decoded and written as JSON lines (UTF-8 bytes) to a reused byte buffer. */
    @Benchmark
    public int json() {
        json.reset();
        lines.write(ours.decode(ByteReader.of(rows)), "mysql-bin.000001", 4096);
        return json.size();
    }

    /** The JSON lines of the event decoded with lazy rows, whose values are written from their bytes. */
    @Benchmark
    public int jsonLazy() {
        json.reset();
        lines.write(oursLazy.decode(ByteReader.of(rows)), "mysql-bin.000001", 4096);
        return json.size();
    }

    /** The JSON lines of the event decoded once: the writer alone. */
    @Benchmark
    public int jsonOnly() {
        json.reset();
        lines.write(decoded, "mysql-bin.000001", 4096);
        return json.size();
    }

    /** The same through the {@code Appendable} constructor and a UTF-8 writer, as the CLI writes. */
    @Benchmark
    public int jsonOnlyWriter() throws IOException {
        json.reset();
        writerLines.write(decoded, "mysql-bin.000001", 4096);
        utf8.flush();
        return json.size();
    }

    @Benchmark
    public void connector(Blackhole bh) throws IOException {
        Event e = connector.nextEvent(new com.github.shyiko.mysql.binlog.io.ByteArrayInputStream(rows));
        for (Serializable[] r : ((WriteRowsEventData) e.getData()).getRows()) {
            for (Serializable v : r) {
                bh.consume(v);
            }
        }
    }
}
