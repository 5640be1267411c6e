package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;

/**
 * {@code dump --server-public-key} and {@code --allow-public-key-retrieval} against the replay server with a
 * caching_sha2_password account (no TLS): each lets the login through; without either the command exits 1 with one
 * line naming the options (by their config names: sslMode, serverPublicKey, allowPublicKeyRetrieval) and not the
 * password.
 */
class DumpAuthOptionsTest {

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
    private static MysqlReplayServer server;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isRegularFile(FILE), "fixture " + FILE.toAbsolutePath() + " is absent");
        server = MysqlReplayServer.builder()
                .binlog(FILE)
                .user("repl", "sha2-cli-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String[] run(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] base = {
            "dump",
            "--host",
            MysqlReplayServer.HOST,
            "--port",
            String.valueOf(server.port()),
            "--user",
            "repl",
            "--password",
            "sha2-cli-pw",
            "--server-id",
            "77",
            "--start-file",
            "mysql-bin.000057"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void theKeyFileLetsTheLoginThrough() {
        server.clearAuthenticationCache();
        String[] r = run("--server-public-key", server.publicKeyFile().toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("=== WriteRowsEvent ===", "=== XidEvent ===").doesNotContain("sha2-cli-pw");
    }

    @Test
    void retrievalLetsTheLoginThrough() {
        server.clearAuthenticationCache();
        String[] r = run("--allow-public-key-retrieval");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("=== XidEvent ===");
    }

    @Test
    void withNeitherTheCommandSaysWhatToGive() {
        server.clearAuthenticationCache();
        String[] r = run();
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2])
                .contains("sslMode", "serverPublicKey", "allowPublicKeyRetrieval")
                .doesNotContain("sha2-cli-pw");
    }
}
