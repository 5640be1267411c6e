package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.PreviousGtidsEvent;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.gtid.MysqlGtidSet;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;

/**
 * Every fixture binlog with MySQL GTID events (untagged or tagged), streamed by the reader from the replay server (logged in with
 * caching_sha2_password, the key fetched once, the fast path after that), hands out what the file reader reads
 * from the same file, after the server's artificial ROTATE. And a GTID start at the set after transaction k (the
 * file's PREVIOUS_GTIDS plus its first k GTIDs) receives exactly transactions k+1.. of the file: the server's
 * skipping as MySQL's Binlog_sender does it, seen through our COM_BINLOG_DUMP_GTID.
 */
class ReplayServerStreamTest {

    private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "binlogs");
    /** MySQL 5.7.32, 17 GTIDs with CRC32 (zalora binlog-parser's gtid fixture). */
    private static final Path GTIDS = ROOT.resolve("zalora-binlog-parser/data/gtid-fixtures/mysql-bin.01");

    private static final List<MysqlReplayServer> SERVERS = new ArrayList<>();

    @BeforeAll
    static void fixtures() {
        assumeTrue(Files.isDirectory(ROOT), "fixtures folder " + ROOT.toAbsolutePath() + " is absent");
    }

    @AfterAll
    static void stop() {
        SERVERS.forEach(MysqlReplayServer::close);
    }

    /**
     * Every fixture file whose events include GTID_LOG_EVENT (33) or GTID_TAGGED_LOG_EVENT (42), found by walking
     * the event headers of every file under the fixtures folder (binlog format v4 only: the replay server serves no
     * older format).
     */
    static Stream<Path> gtidFiles() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all
                    .filter(Files::isRegularFile)
                    .filter(ReplayServerStreamTest::hasGtidEvents)
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static boolean hasGtidEvents(Path p) {
        try {
            if (Files.size(p) > 50_000_000) {
                return false;
            }
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
            if (b.limit() < 23 || b.getInt(0) != 0x6E6962FE || b.get(8) != 15) {
                return false;
            }
            for (int at = 4; at + 19 <= b.limit(); ) {
                long size = b.getInt(at + 9) & 0xFFFFFFFFL;
                if (size < 19 || at + size > b.limit()) {
                    return false;
                }
                if (b.get(at + 4) == 33 || b.get(at + 4) == 42) {
                    return true;
                }
                at += (int) size;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static MysqlReplayServer serve(Path file) {
        MysqlReplayServer s = MysqlReplayServer.builder()
                .binlog(file)
                .user("repl", "sha2-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .start();
        SERVERS.add(s);
        return s;
    }

    private static BinLogStreamReaderConfig.Builder config(MysqlReplayServer s) {
        return BinLogStreamReaderConfig.builder()
                .connection(MysqlReplayServer.HOST, s.port(), "repl", "sha2-pw")
                .allowPublicKeyRetrieval(true)
                .serverId(100)
                .readAheadBytes(0);
    }

    /** The events read, and the failure that ended the reading early (null when it reached the end). */
    private record Read(List<String> dumps, BinlogException failure) {}

    private static Read stream(BinLogStreamReaderConfig config, boolean dropFirst) {
        List<String> out = new ArrayList<>();
        try (BinLogStreamReader reader = new BinLogStreamReader(config)) {
            for (BinlogEvent e = reader.fetchOne(); e != null; e = reader.fetchOne()) {
                out.add(e.dump());
            }
        } catch (BinlogException e) {
            return new Read(dropFirst ? out.subList(Math.min(1, out.size()), out.size()) : out, e);
        }
        return new Read(dropFirst ? out.subList(Math.min(1, out.size()), out.size()) : out, null);
    }

    private static List<BinlogEvent> stream(BinLogStreamReaderConfig config) {
        List<BinlogEvent> out = new ArrayList<>();
        try (BinLogStreamReader reader = new BinLogStreamReader(config)) {
            for (BinlogEvent e = reader.fetchOne(); e != null; e = reader.fetchOne()) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<BinlogEvent> readFile(Path file) {
        List<BinlogEvent> out = new ArrayList<>();
        try (BinlogFileReader r = new BinlogFileReader(file)) {
            r.forEach(out::add);
        }
        return out;
    }

    private static Read readFileUpToAFailure(Path file) {
        List<String> out = new ArrayList<>();
        try (BinlogFileReader r = new BinlogFileReader(file)) {
            r.forEach(e -> out.add(e.dump()));
        } catch (BinlogException e) {
            return new Read(out, e);
        }
        return new Read(out, null);
    }

    /**
     * After the server's artificial ROTATE, the stream hands out what the file reader reads, event for event; a
     * file the reader stops on (MySQL's binlog_recovery test files whose bytes were edited after their checksums
     * were made) stops the stream at the same event with the same error.
     */
    @ParameterizedTest
    @MethodSource("gtidFiles")
    void theStreamEqualsTheFile(Path file) {
        Read fromFile = readFileUpToAFailure(file);
        MysqlReplayServer server = serve(file);
        Read streamed =
                stream(config(server).startAt(file.getFileName().toString(), 4).build(), true);
        assertThat(streamed.dumps()).isEqualTo(fromFile.dumps());
        if (fromFile.failure() == null) {
            assertThat(streamed.failure()).isNull();
        } else {
            assertThat(streamed.failure())
                    .isInstanceOf(fromFile.failure().getClass())
                    .hasMessage(fromFile.failure().getMessage());
        }
    }

    @Test
    void theFilesWithGtidsIncludeTheTaggedOne() throws IOException {
        assertThat(gtidFiles().map(p -> p.getFileName().toString()))
                .contains("binlog_transaction_with_GTID_TAG.000001", "mysql-bin.01")
                .hasSizeGreaterThan(50);
    }

    @Test
    void aGtidStartAfterTransactionKReceivesExactlyTheRest() {
        assumeTrue(Files.isRegularFile(GTIDS), GTIDS + " is absent");
        List<BinlogEvent> fromFile = readFile(GTIDS);
        List<GtidEvent> gtids = fromFile.stream()
                .filter(GtidEvent.class::isInstance)
                .map(GtidEvent.class::cast)
                .toList();
        assertThat(gtids).hasSize(17);
        MysqlGtidSet previous = previousGtids(fromFile);
        MysqlReplayServer server = serve(GTIDS);
        for (int k = 0; k <= gtids.size(); k += 4) {
            MysqlGtidSet start = previous;
            for (GtidEvent g : gtids.subList(0, k)) {
                start = start.add(g.sourceId(), g.gno());
            }
            List<BinlogEvent> streamed =
                    stream(config(server).startAtGtid(start).build());
            List<String> received = streamed.stream()
                    .filter(GtidEvent.class::isInstance)
                    .map(e -> ((GtidEvent) e).sourceId() + ":" + ((GtidEvent) e).gno())
                    .toList();
            assertThat(received)
                    .as("after " + k)
                    .isEqualTo(gtids.subList(k, gtids.size()).stream()
                            .map(g -> g.sourceId() + ":" + g.gno())
                            .toList());
            List<String> tail = fromFile
                    .subList(k == gtids.size() ? fromFile.size() : fromFile.indexOf(gtids.get(k)), fromFile.size())
                    .stream()
                    .map(BinlogEvent::dump)
                    .toList();
            assertThat(streamed.stream().map(BinlogEvent::dump).toList())
                    .as("after " + k)
                    .endsWith(tail.toArray(String[]::new));
        }
    }

    private static MysqlGtidSet previousGtids(List<BinlogEvent> events) {
        MysqlGtidSet set = MysqlGtidSet.empty();
        for (BinlogEvent e : events) {
            if (e instanceof PreviousGtidsEvent p) {
                for (PreviousGtidsEvent.SidIntervals s : p.sids()) {
                    for (PreviousGtidsEvent.Interval iv : s.intervals()) {
                        for (long g = iv.start(); g < iv.end(); g++) {
                            set = set.add(s.sid(), g);
                        }
                    }
                }
            }
        }
        return set;
    }
}
