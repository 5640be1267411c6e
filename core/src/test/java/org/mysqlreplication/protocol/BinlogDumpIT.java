package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * COM_REGISTER_SLAVE and COM_BINLOG_DUMP against a real MariaDB: event packets are checked against the
 * server's own {@code SHOW BINLOG EVENTS} (run by the {@code mariadb} client) and against their CRC32
 * checksums, including one row event over 16 MiB that must arrive reassembled.
 */
class BinlogDumpIT {

    private static final int ROTATE_EVENT = 4;
    private static final int FORMAT_DESCRIPTION_EVENT = 15;
    private static final int HEADER_SIZE = 19;
    private static final int BLOB_SIZE = 20 * 1024 * 1024;

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder()
                .binlogChecksum("CRC32")
                .serverOption("max_allowed_packet", "64M")
                .start();
        db.execute(
                "CREATE DATABASE dump_db",
                "CREATE TABLE dump_db.t (id INT PRIMARY KEY, b LONGBLOB)",
                "INSERT INTO dump_db.t VALUES (1, 'small')",
                "INSERT INTO dump_db.t VALUES (2, REPEAT('x', " + BLOB_SIZE + "))");
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    private static ServerConnection connect() {
        ServerConnection c = ServerConnection.open(ConnectionSettings.builder()
                .host(db.host())
                .port(db.port())
                .user(db.user())
                .password(db.password())
                .socketTimeout(Duration.ofSeconds(60))
                .build());
        c.execute("SET @master_binlog_checksum = @@global.binlog_checksum");
        c.execute("SET @mariadb_slave_capability = 4");
        return c;
    }

    /** One event as the dump stream delivered it. */
    record Event(int type, long timestamp, long size, long nextPosition, byte[] bytes) {
        static Event of(ByteReader r) {
            byte[] bytes = r.readBytes(r.remaining());
            ByteReader h = ByteReader.of(bytes);
            long timestamp = h.readUint32();
            int type = h.readUint8();
            h.skip(4); // server id
            long size = h.readUint32();
            long next = h.readUint32();
            return new Event(type, timestamp, size, next, bytes);
        }

        boolean checksumMatches() {
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 4);
            return crc.getValue() == ByteReader.of(bytes, bytes.length - 4, 4).readUint32();
        }
    }

    private static List<Event> dumpAll(ServerConnection c, String file) {
        return dumpAll(c, file, ServerConnection.BINLOG_DUMP_NON_BLOCK);
    }

    private static List<Event> dumpAll(ServerConnection c, String file, int flags) {
        c.requestBinlogDump(file, 4, 1001, flags);
        List<Event> events = new ArrayList<>();
        ByteReader r;
        while ((r = c.readEventPacket()) != null) {
            events.add(Event.of(r));
        }
        return events;
    }

    @ParameterizedTest(name = "annotate rows: {0}")
    @ValueSource(booleans = {false, true})
    void nonBlockingDumpDeliversTheServersEventsThenEof(boolean annotate) {
        String file = db.query("SHOW MASTER STATUS").get(0).get(0);
        // Log_name, Pos, Event_type, Server_id, End_log_pos, Info
        List<List<String>> shown = db.query("SHOW BINLOG EVENTS IN '" + file + "'").stream()
                .filter(row -> annotate || !row.get(2).equals("Annotate_rows"))
                .toList();
        if (annotate) { // the server's log has them; without the flag the dump leaves them out
            assertThat(shown).extracting(row -> row.get(2)).contains("Annotate_rows");
        }
        int flags = ServerConnection.BINLOG_DUMP_NON_BLOCK
                | (annotate ? ServerConnection.BINLOG_SEND_ANNOTATE_ROWS_EVENT : 0);
        try (ServerConnection c = connect()) {
            List<Event> events = dumpAll(c, file, flags);

            Event rotate = events.get(0);
            assertThat(rotate.type()).isEqualTo(ROTATE_EVENT);
            assertThat(rotate.timestamp()).isZero(); // the fake rotate that names the file
            assertThat(new String(rotate.bytes(), HEADER_SIZE + 8, file.length()))
                    .isEqualTo(file);
            assertThat(events.get(1).type()).isEqualTo(FORMAT_DESCRIPTION_EVENT);

            List<Event> real = events.subList(1, events.size());
            assertThat(real).hasSameSizeAs(shown);
            for (int i = 0; i < real.size(); i++) {
                Event e = real.get(i);
                assertThat(e.size()).as("event %d size", i).isEqualTo(e.bytes().length);
                assertThat(e.nextPosition())
                        .as("event %d end position", i)
                        .isEqualTo(Long.parseLong(shown.get(i).get(4)));
                assertThat(e.nextPosition() - e.size())
                        .as("event %d start", i)
                        .isEqualTo(Long.parseLong(shown.get(i).get(1)));
                assertThat(e.checksumMatches()).as("CRC32 of event %d", i).isTrue();
            }
            // a dump command ends the session on the server side (sql_parse.cc: "fake COM_QUIT")
            assertThatThrownBy(c::readEventPacket)
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("closed by the server");
        }
    }

    @Test
    void rowEventOverSixteenMebibytesArrivesAsOneEvent() {
        String file = db.query("SHOW MASTER STATUS").get(0).get(0);
        try (ServerConnection c = connect()) {
            Event big = dumpAll(c, file).stream()
                    .filter(e -> e.size() > BLOB_SIZE)
                    .findFirst()
                    .orElseThrow();
            assertThat(big.size()).isEqualTo(big.bytes().length);
            assertThat(big.type()).isIn(23, 30); // WRITE_ROWS_EVENT_V1 (MariaDB) or WRITE_ROWS_EVENT (v2)
            assertThat(big.checksumMatches()).isTrue();
            int start = indexOfRun(big.bytes(), (byte) 'x', BLOB_SIZE);
            assertThat(start).as("20 MiB of 'x' in one piece").isGreaterThan(HEADER_SIZE);
        }
    }

    private static int indexOfRun(byte[] bytes, byte b, int length) {
        int run = 0;
        for (int i = 0; i < bytes.length; i++) {
            run = bytes[i] == b ? run + 1 : 0;
            if (run == length) {
                return i - length + 1;
            }
        }
        return -1;
    }

    @Test
    void registeredReplicaShowsInSlaveHosts() {
        try (ServerConnection c = connect()) {
            c.registerReplica(4242, "replica-host", "repl", "repl-secret", 3307);
            // Server_id, Host, Port, Master_id
            List<List<String>> hosts = db.query("SHOW SLAVE HOSTS");
            assertThat(hosts)
                    .anySatisfy(row -> assertThat(row.subList(0, 3)).containsExactly("4242", "replica-host", "3307"));
        }
    }

    @Test
    void sessionSetupDecidesWhatTheServerSends() {
        String file = db.query("SHOW MASTER STATUS").get(0).get(0);
        ConnectionSettings settings = ConnectionSettings.builder()
                .host(db.host())
                .port(db.port())
                .user(db.user())
                .password(db.password())
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        try (ServerConnection c = ServerConnection.open(settings)) { // no @master_binlog_checksum
            c.requestBinlogDump(file, 4, 1004, ServerConnection.BINLOG_DUMP_NON_BLOCK);
            assertThatThrownBy(() -> {
                        while (c.readEventPacket() != null) {
                            // the refusal may follow the first events
                        }
                    })
                    .isInstanceOfSatisfying(
                            ServerErrorException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(1236))
                    .hasMessageContaining("checksum");
        }
        try (ServerConnection c = ServerConnection.open(settings)) { // checksum-aware, capability 0
            c.execute("SET @master_binlog_checksum = @@global.binlog_checksum");
            List<Integer> types = dumpAll(c, file).stream().map(Event::type).toList();
            assertThat(types).doesNotContain(162); // MariaDB GTID_EVENT replaced for an old replica
        }
        try (ServerConnection c = connect()) {
            assertThat(dumpAll(c, file).stream().map(Event::type).toList()).contains(162);
        }
    }

    @Test
    void dumpOfAMissingFileIsAServerError() {
        try (ServerConnection c = connect()) {
            c.requestBinlogDump("no-such-bin.000042", 4, 1002, ServerConnection.BINLOG_DUMP_NON_BLOCK);
            assertThatThrownBy(c::readEventPacket)
                    .isInstanceOfSatisfying(
                            ServerErrorException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(1236)); // ER_MASTER_FATAL_ERROR_READING_BINLOG
        }
    }

    @Test
    void closeFromAnotherThreadUnblocksABlockingDump() throws Exception {
        String file = db.query("SHOW MASTER STATUS").get(0).get(0);
        ServerConnection c = connect();
        c.requestBinlogDump(file, 4, 1003, 0);
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try {
                while (true) {
                    c.readEventPacket(); // blocks once the binlog's end is reached
                }
            } catch (RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(1500);
        assertThat(reader).isNotDone();
        c.close();
        Throwable failure = reader.get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining("closed by close()");
    }
}
