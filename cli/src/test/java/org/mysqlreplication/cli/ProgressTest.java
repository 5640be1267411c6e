package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line of {@code read}: rate-limited, with events, bytes and position, erased at the end. */
class ProgressTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final StringWriter text = new StringWriter();
    private final Progress progress = new Progress(new PrintWriter(text), now::get);

    @Test
    void showsEventsBytesAndPositionAtMostFourTimesASecond() {
        Path a = Path.of("dir", "bin.000001");
        progress.update(1, a, 120);
        assertThat(text.toString()).isEmpty();
        now.addAndGet(Progress.INTERVAL_NANOS);
        progress.update(2, a, 250);
        assertThat(text.toString()).isEqualTo("\rmysql-replication: 2 events, 250 bytes, at bin.000001:250\033[K");
        now.addAndGet(Progress.INTERVAL_NANOS - 1);
        progress.update(3, a, 400);
        assertThat(text.toString()).doesNotContain("3 events");
        progress.fileDone();
        now.addAndGet(1);
        progress.update(4, Path.of("bin.000002"), 100);
        assertThat(text.toString()).endsWith("\rmysql-replication: 4 events, 500 bytes, at bin.000002:100\033[K");
        progress.end();
        assertThat(text.toString()).endsWith("\r\033[K");
    }

    @Test
    void aShortReadPrintsNothing() {
        progress.update(1, Path.of("bin.000001"), 120);
        progress.fileDone();
        progress.end();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void offATerminalItPrintsNothing() {
        // tests run with stdin/stdout redirected, so System.console() is null
        assertThat(System.console()).isNull();
        StringWriter err = new StringWriter();
        Progress p = Progress.onTerminal(new PrintWriter(err));
        p.update(1, Path.of("f"), 10);
        p.end();
        assertThat(err.toString()).isEmpty();
    }
}
