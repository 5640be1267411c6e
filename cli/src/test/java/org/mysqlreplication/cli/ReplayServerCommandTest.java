package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.client.BinLogStreamReader;
import org.mysqlreplication.client.BinLogStreamReaderConfig;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.protocol.ServerConnection;

/**
 * {@code replay-server FILE} serves the file on the port given until interrupted: a client logs in (no password,
 * caching_sha2_password), sees the version, streams the file's two transactions; the command then exits 0.
 */
class ReplayServerCommandTest {

    private static final Path FILE = Path.of(
            "..",
            "..",
            "shared",
            "fixtures",
            "binlogs",
            "apecloud-mysql-binlog-connector-rust",
            "tests",
            "parse_file_tests",
            "mysql-bin.000057");

    @Test
    void servesTheFileUntilInterrupted() throws Exception {
        assumeTrue(Files.isRegularFile(FILE), "fixture " + FILE.toAbsolutePath() + " is absent");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(Main.run(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "replay-server",
                "--port",
                Integer.toString(port),
                "--server-version",
                "9.1.0",
                FILE.toString())));
        t.start();
        for (int i = 0; i < 200 && !err.toString().contains("Ctrl-C"); i++) {
            Thread.sleep(50);
        }
        assertThat(err.toString()).contains("127.0.0.1:" + port, "caching_sha2_password", "public_key.pem");
        ConnectionSettings settings = ConnectionSettings.builder()
                .host("127.0.0.1")
                .port(port)
                .user("repl")
                .build();
        try (ServerConnection c = ServerConnection.open(settings)) {
            assertThat(c.serverVersion()).isEqualTo("9.1.0");
            assertThat(c.query("SELECT CURRENT_USER()").rows()).containsExactly(List.of("repl@%"));
        }
        try (BinLogStreamReader reader = new BinLogStreamReader(BinLogStreamReaderConfig.builder()
                .connection("127.0.0.1", port, "repl", "")
                .serverId(9)
                .readAheadBytes(0)
                .startAt("mysql-bin.000057", 4)
                .onlyEvents(XidEvent.class)
                .build())) {
            assertThat(reader.fetchOne()).isInstanceOf(XidEvent.class);
            assertThat(reader.fetchOne()).isInstanceOf(XidEvent.class);
            assertThat(reader.fetchOne()).isNull();
        }
        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }
}
