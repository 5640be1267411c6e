package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.HeartbeatEvent;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.protocol.ServerConnection;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;

/**
 * The replay server's dump behaviour as the reader sees it: heartbeats during a blocking wait at the end of the log,
 * a connection dropped at an event or inside one, a flipped byte caught by the event's CRC32, and the replica UUID
 * that {@code SHOW REPLICAS} shows.
 */
class ReplayServerDumpTest {

    private static final String NAME = "mysql-bin.000057";

    @BeforeAll
    static void fixture() {
        assumeTrue(Files.isRegularFile(ReplayServerLoginTest.FILE), "fixture is absent");
    }

    private static MysqlReplayServer.Builder server() {
        return MysqlReplayServer.builder()
                .binlog(ReplayServerLoginTest.FILE)
                .user("repl", "pw", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD);
    }

    private static BinLogStreamReaderConfig.Builder config(MysqlReplayServer s) {
        return BinLogStreamReaderConfig.builder()
                .connection(MysqlReplayServer.HOST, s.port(), "repl", "pw")
                .serverId(100)
                .readAheadBytes(0)
                .startAt(NAME, 4);
    }

    private static List<BinlogEvent> readAll(BinLogStreamReader reader) {
        List<BinlogEvent> out = new ArrayList<>();
        for (BinlogEvent e = reader.fetchOne(); e != null; e = reader.fetchOne()) {
            out.add(e);
        }
        return out;
    }

    @Test
    void aBlockingDumpGetsHeartbeatsAtTheEndOfTheLog() {
        try (MysqlReplayServer s = server().start();
                BinLogStreamReader reader = new BinLogStreamReader(config(s)
                        .blocking(true)
                        .slaveHeartbeat(Duration.ofMillis(200))
                        .onlyEvents(HeartbeatEvent.class)
                        .build())) {
            BinlogEvent first = reader.fetchOne();
            assertThat(first).isInstanceOf(HeartbeatEvent.class);
            assertThat(first.dump()).contains(NAME);
            assertThat(first.header().logPos()).isEqualTo(1283); // the file's size: its end
            assertThat(reader.fetchOne()).isInstanceOf(HeartbeatEvent.class);
        }
    }

    /**
     * python's {@code slave_uuid}, as a MySQL source shows it: {@code SHOW REPLICAS} gives each registered replica's
     * server id, reported host and port, and the UUID its dump session set ({@code @replica_uuid}).
     */
    @Test
    void theSlaveUuidShowsInShowReplicas() {
        String uuid = "8d2f4c1e-5b7a-4e3f-9a61-0c2b7d9e4f10";
        try (MysqlReplayServer s = server().start();
                BinLogStreamReader reader = new BinLogStreamReader(config(s)
                        .blocking(true)
                        .slaveUuid(uuid)
                        .reportSlave(new ReportSlave("replica-7", "", "", 3307))
                        .build());
                ServerConnection admin = admin(s)) {
            assertThat(reader.fetchOne()).isNotNull(); // registered and dumping
            assertThat(admin.query("SHOW REPLICAS").rows())
                    .containsExactly(List.of("100", "replica-7", "3307", "1", uuid));
        }
        try (MysqlReplayServer s = server().start();
                BinLogStreamReader reader =
                        new BinLogStreamReader(config(s).blocking(true).build());
                ServerConnection admin = admin(s)) {
            assertThat(reader.fetchOne()).isNotNull();
            assertThat(admin.query("SHOW REPLICAS").rows()).containsExactly(List.of("100", "", "0", "1", ""));
        }
    }

    private static ServerConnection admin(MysqlReplayServer s) {
        return ServerConnection.open(ConnectionSettings.builder()
                .host(MysqlReplayServer.HOST)
                .port(s.port())
                .user("repl")
                .password("pw")
                .build());
    }

    @Test
    void aConnectionDroppedAtAnEventEndsTheStreamWithAConnectionError() {
        try (MysqlReplayServer s = server().dropConnectionAtEvent(5).start();
                BinLogStreamReader reader = new BinLogStreamReader(config(s).build())) {
            List<BinlogEvent> got = new ArrayList<>();
            assertThatThrownBy(() -> {
                        for (BinlogEvent e = reader.fetchOne(); e != null; e = reader.fetchOne()) {
                            got.add(e);
                        }
                    })
                    .isInstanceOf(ConnectionException.class);
            assertThat(got).hasSizeLessThanOrEqualTo(4);
        }
        try (MysqlReplayServer s = server().dropConnectionAtByte(300).start();
                BinLogStreamReader reader = new BinLogStreamReader(config(s).build())) {
            assertThatThrownBy(() -> readAll(reader)).isInstanceOf(ConnectionException.class);
        }
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksum() {
        try (MysqlReplayServer s = server().flipByte(4, 25).start();
                BinLogStreamReader reader = new BinLogStreamReader(config(s).build())) {
            assertThatThrownBy(() -> readAll(reader))
                    .isInstanceOf(BinlogException.class)
                    .hasMessageContaining("CRC32");
        }
    }
}
