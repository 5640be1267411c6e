package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.gtid.MysqlGtidSet;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;

/**
 * GTID resume over the network: a MySQL fixture served by the replay server ({@link MysqlReplayServer}, which
 * leaves out the transactions of the requested set, tagged or not, as MySQL's Binlog_sender does), read by our
 * client. The set the reader reports after transaction k ({@link BinLogStreamReader#mysqlGtidSet()}), given to a
 * new reader as its start, yields exactly transactions k+1.. of the first read (no gap, no duplicate), for every k
 * from 0 (the file's PREVIOUS_GTIDS alone) to the last, on untagged sets and on MySQL 9.6.0's tagged one
 * ({@code :1-13:mytag:1-2} before its tagged transaction {@code mytag:3}); the reader also ends on the same set.
 */
class MysqlGtidResumeStreamTest {

    private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");

    private record Run(List<String> gtids, List<MysqlGtidSet> setBefore, MysqlGtidSet end) {}

    private static Run read(MysqlReplayServer server, String file, MysqlGtidSet start) {
        BinLogStreamReaderConfig.Builder b = BinLogStreamReaderConfig.builder()
                .connection(MysqlReplayServer.HOST, server.port(), "repl", "secret")
                .serverId(100)
                .readAheadBytes(0);
        BinLogStreamReaderConfig config = start == null
                ? b.startAt(file, 4).build()
                : b.startAtGtid(start).build();
        List<String> gtids = new ArrayList<>();
        List<MysqlGtidSet> before = new ArrayList<>();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            for (BinlogEvent e = stream.fetchOne(); e != null; e = stream.fetchOne()) {
                if (e instanceof GtidEvent g && !g.anonymous()) {
                    gtids.add(g.gtid());
                    before.add(stream.mysqlGtidSet());
                }
            }
            return new Run(gtids, before, stream.mysqlGtidSet());
        }
    }

    /**
     * MySQL 9.6.0's tagged fixture with its one transaction (GTID_TAGGED {@code mytag:3} to its XID, bytes 245 to
     * 541) written three times, as {@code mytag:3}, {@code mytag:4} and {@code mytag:5}: in each copy the gno field
     * ({@code 04 0C}, field 2 = 3 as a signed serialization integer) becomes {@code 04 10} and {@code 04 14}, each
     * event's log position moves by the copies before it and its CRC32 is made anew; the ROTATE follows. So a tagged
     * transaction in the requested set sits between two that are not.
     */
    private static byte[] threeTaggedTransactions(byte[] file) {
        int from = 245;
        int to = 541;
        int gno = indexOf(file, from, new byte[] {0x04, 0x0C, 0x06, 0x0A});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, from);
        for (int copy = 0; copy < 3; copy++) {
            byte[] t = Arrays.copyOfRange(file, from, to);
            t[gno + 1 - from] = (byte) ((3 + copy) << 2);
            reposition(t, copy * (to - from));
            out.writeBytes(t);
        }
        byte[] rotate = Arrays.copyOfRange(file, to, file.length);
        reposition(rotate, 2 * (to - from));
        out.writeBytes(rotate);
        return out.toByteArray();
    }

    /** Moves the log position of each event in {@code events} by {@code shift} and makes its CRC32 anew. */
    private static void reposition(byte[] events, int shift) {
        ByteBuffer b = ByteBuffer.wrap(events).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < events.length; at += b.getInt(at + 9)) {
            int size = b.getInt(at + 9);
            b.putInt(at + 13, b.getInt(at + 13) + shift);
            CRC32 crc = new CRC32();
            crc.update(events, at, size - 4);
            b.putInt(at + size - 4, (int) crc.getValue());
        }
    }

    private static int indexOf(byte[] b, int from, byte[] what) {
        for (int i = from; i + what.length <= b.length; i++) {
            if (Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not in the fixture");
    }

    @Test
    void resumingAmongTaggedTransactions() throws IOException {
        Path file =
                ROOT.resolve("blackbeam-rust_mysql_common/test-data/binlogs/binlog_transaction_with_GTID_TAG.000001");
        assumeTrue(Files.isRegularFile(file), "fixture absent");
        byte[] bytes = threeTaggedTransactions(Files.readAllBytes(file));
        try (MysqlReplayServer server = MysqlReplayServer.builder()
                .binlog("binlog.000001", bytes)
                .user("repl", "secret", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .start()) {
            String uuid = "55778904-0299-11f1-b1b8-4ef0c4956feb";
            Run all = read(server, "binlog.000001", null);
            assertThat(all.gtids()).containsExactly(uuid + ":mytag:3", uuid + ":mytag:4", uuid + ":mytag:5");
            assertThat(all.end()).hasToString(uuid + ":1-13:mytag:1-5");
            Run afterFirst = read(server, "binlog.000001", MysqlGtidSet.parse(uuid + ":1-13:mytag:1-3"));
            assertThat(afterFirst.gtids()).containsExactly(uuid + ":mytag:4", uuid + ":mytag:5");
            // a set with a hole: mytag:4 was executed elsewhere, mytag:3 and 5 were not
            Run holes = read(server, "binlog.000001", MysqlGtidSet.parse(uuid + ":1-13:mytag:1-2:4"));
            assertThat(holes.gtids()).containsExactly(uuid + ":mytag:3", uuid + ":mytag:5");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "zendesk-maxwell/src/test/resources/sql/replay/binlog.000004",
                "zalora-binlog-parser/data/gtid-fixtures/mysql-bin.01",
                "blackbeam-rust_mysql_common/test-data/binlogs/binlog_transaction_with_GTID_TAG.000001"
            })
    void resumingAtTheSetAfterTransactionKGivesExactlyTheRest(String fixture) {
        Path file = ROOT.resolve(fixture);
        assumeTrue(Files.isRegularFile(file), "fixture absent");
        String name = file.getFileName().toString();
        try (MysqlReplayServer server = MysqlReplayServer.builder()
                .binlog(file)
                .user("repl", "secret", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .start()) {
            Run all = read(server, name, null);
            assertThat(all.gtids()).isNotEmpty();
            for (int k = 0; k <= all.gtids().size(); k++) {
                // the set before transaction k+1 is handed out is the set after transaction k
                MysqlGtidSet saved = k < all.gtids().size() ? all.setBefore().get(k) : all.end();
                Run resumed = read(server, name, saved);
                assertThat(resumed.gtids())
                        .as(fixture + " resumed at " + saved)
                        .isEqualTo(all.gtids().subList(k, all.gtids().size()));
                assertThat(resumed.end()).isEqualTo(all.end());
            }
        }
    }
}
