package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.file.BinlogFileReader;

/** {@code read}: what it prints when a file breaks off, and that it stops when nobody reads its output. */
class ReadCommandTest {

    @Test
    void printsEveryEventDecodedBeforeAnErrorAndThenTheErrorLine(@TempDir Path dir) throws IOException {
        Path whole = CliRun.fixture(CliRun.SEQ_FILE);
        List<BinlogEvent> events = new ArrayList<>();
        long lastStart;
        try (BinlogFileReader r = new BinlogFileReader(whole)) {
            long start = r.position().position();
            lastStart = start;
            for (BinlogEvent e : r) {
                events.add(e);
                lastStart = start;
                start = r.position().position();
            }
        }
        assertThat(events).hasSize(17);
        // cut the file in the middle of its last event: the 16 events before it are whole
        Path cut = dir.resolve("master-bin-cut.000001");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, (int) lastStart + 25));

        CliRun r = CliRun.run("read", cut.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        StringBuilder expected = new StringBuilder();
        events.subList(0, 16).forEach(e -> expected.append(e.dump()));
        assertThat(r.out()).isEqualTo(expected.toString());
        assertThat(r.err()).startsWith("mysql-replication: ").contains("master-bin-cut.000001");
    }

    @Test
    void theEventsOfEarlierFilesArePrintedWhenALaterFileFails(@TempDir Path dir) throws IOException {
        Path whole = CliRun.fixture(CliRun.SEQ_FILE);
        Path notABinlog = Files.writeString(dir.resolve("not-a-binlog"), "hello");
        CliRun r = CliRun.run("read", whole.toString(), notABinlog.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(CliRun.run("read", whole.toString()).out());
        assertThat(r.out().split("\n=== |^=== ", -1)).hasSize(18);
    }

    /** {@code read ... | head -1}: once the pipe's reader has gone, it stops instead of reading every file. */
    @Test
    void stopsWhenItsOutputIsClosed() {
        Path file = CliRun.fixture(CliRun.SEQ_FILE);
        ClosedPipe pipe = new ClosedPipe();
        List<String> args = new ArrayList<>(List.of("read"));
        args.addAll(Collections.nCopies(2_000, file.toString()));
        int code = CliRun.run(pipe, new ByteArrayOutputStream(), args.toArray(String[]::new));
        assertThat(code).isZero();
        // 2,000 x 17 events are about 10 MB of text, which reading to the end would try to write in 8 KiB pieces
        // (over a thousand attempts); stopping after the first check leaves a few
        assertThat(pipe.attempts).isBetween(1, 20);
    }

    /** An output whose reader has gone: every write fails, as on a closed pipe (EPIPE). */
    private static final class ClosedPipe extends OutputStream {
        int attempts;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            attempts++;
            throw new IOException("Broken pipe");
        }
    }
}
