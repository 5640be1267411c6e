package org.mysqlreplication.bench.debezium;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.mysqlreplication.bench.CdcUser;
import org.mysqlreplication.bench.DataStart;
import org.mysqlreplication.bench.ExternalReader;
import org.mysqlreplication.bench.NullJsonSink;
import org.mysqlreplication.bench.ReadResult;
import org.mysqlreplication.bench.Target;

/**
 * Debezium embedded ({@link DebeziumEngine}, the MariaDB connector, the JSON converter with
 * {@code converter.schemas.enable=false}, its faster schema-less JSON). The connector cannot start at the beginning
 * of a binlog without a snapshot, so each pass writes an offset file at the workload's first transaction (Kafka
 * Connect's {@code FileOffsetBackingStore} format: a serialized map of the JSON key
 * {@code ["bench",{"server":"bench"}]} to {@code {"file":..,"pos":..,"gtids":..}}, the GTID of the DDL before:
 * the MariaDB connector resumes from GTIDs) and starts in the
 * {@code recovery} snapshot mode (the schema-only recovery of older releases: the schema is read from the
 * server, no row is snapshotted, streaming starts at the offset). Each change record of the table ({@code tombstones
 * off}) is written as its JSON value and a newline, in UTF-8, to a {@link NullJsonSink}. The engine does not stop
 * at the end of the binlog: the pass ends when the workload's row count was delivered, or after {@value
 * #IDLE_MILLIS} ms without a new record (the count then falls short, and bin/bench fails); it is closed after the pass, untimed.
 * Not thread-safe.
 */
public final class DebeziumReader implements ExternalReader {

    private static final long IDLE_MILLIS = 30_000;
    private static final String NAME = "bench";
    private static final String TOPIC = NAME + ".bench.t";

    private Path dir;
    private DebeziumEngine<ChangeEvent<String, String>> engine;
    private ExecutorService executor;

    @Override
    public ReadResult read(Target root, DataStart start, long expectedRows, int pass) throws Exception {
        Target t = CdcUser.prepare(root);
        dir = Files.createTempDirectory("bench-debezium");
        Path offsets = dir.resolve("offsets.dat");
        writeOffset(offsets, start);
        Properties p = new Properties();
        p.setProperty("name", NAME);
        p.setProperty("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", offsets.toString());
        p.setProperty("offset.flush.interval.ms", "60000");
        p.setProperty("database.hostname", t.host());
        p.setProperty("database.port", Integer.toString(t.port()));
        p.setProperty("database.user", t.user());
        p.setProperty("database.password", t.password());
        p.setProperty("database.server.id", Long.toString(t.serverId()));
        p.setProperty("topic.prefix", NAME);
        p.setProperty("database.include.list", "bench");
        p.setProperty("table.include.list", "bench.t");
        p.setProperty("snapshot.mode", "recovery");
        p.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        p.setProperty("include.schema.changes", "false");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("converter.schemas.enable", "false");
        NullJsonSink sink = new NullJsonSink();
        Throwable[] failure = {null};
        engine = DebeziumEngine.create(Json.class)
                .using(p)
                .notifying(record -> {
                    if (TOPIC.equals(record.destination()) && record.value() != null) {
                        byte[] b = record.value().getBytes(StandardCharsets.UTF_8);
                        sink.write(b, 0, b.length);
                        sink.write('\n');
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        failure[0] = error != null ? error : new IllegalStateException(message);
                    }
                })
                .build();
        executor = Executors.newSingleThreadExecutor();
        executor.execute(engine);
        sink.awaitLines(expectedRows, IDLE_MILLIS, () -> failure[0] == null);
        if (failure[0] != null && sink.lines() < expectedRows) {
            throw new IllegalStateException("Debezium stopped after " + sink.lines() + " records", failure[0]);
        }
        return new ReadResult(sink.lines(), 0, sink.bytes(), sink.checksum(), 0);
    }

    @Override
    public void stop() throws Exception {
        engine.close();
        executor.shutdown();
        executor.awaitTermination(60, TimeUnit.SECONDS);
        deleteAll(dir);
    }

    /** The offset file as Kafka Connect's FileOffsetBackingStore reads it: a serialized HashMap of byte arrays. */
    static void writeOffset(Path file, DataStart start) throws IOException {
        Map<byte[], byte[]> raw = new HashMap<>();
        String key = "[\"" + NAME + "\",{\"server\":\"" + NAME + "\"}]";
        String value = "{\"file\":\"" + start.file() + "\",\"pos\":" + start.position()
                + (start.mariadbGtid() == null ? "" : ",\"gtids\":\"" + start.mariadbGtid() + "\"") + "}";
        raw.put(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        try (OutputStream out = Files.newOutputStream(file);
                ObjectOutputStream os = new ObjectOutputStream(out)) {
            os.writeObject(raw);
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
