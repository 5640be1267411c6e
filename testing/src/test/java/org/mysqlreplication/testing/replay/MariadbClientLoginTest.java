package org.mysqlreplication.testing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code mariadb} command-line client (MariaDB Connector/C, whose caching_sha2_password and sha256_password are
 * client plugins in {@code libmariadb3}'s plugin directory) logs in to the replay server and runs a query, on the
 * paths it supports: native; caching_sha2_password full over TLS, then fast without TLS, and full without TLS
 * (Connector/C asks the server for its key by itself; the CLI has no option for a key file); sha256_password over
 * TLS and with the key fetched; a wrong password gets ERR 1045. Skipped where the client or its plugins are absent.
 */
class MariadbClientLoginTest {

    private static final Path PLUGIN_DIR = Path.of("/usr/lib/x86_64-linux-gnu/libmariadb3/plugin");
    private static MysqlReplayServer server;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mariadb")), "no mariadb client in /usr/bin");
        assumeTrue(
                Files.isRegularFile(PLUGIN_DIR.resolve("caching_sha2_password.so"))
                        && Files.isRegularFile(PLUGIN_DIR.resolve("sha256_password.so")),
                "no caching_sha2_password.so / sha256_password.so in " + PLUGIN_DIR + " (package libmariadb3)");
        server = MysqlReplayServer.builder()
                .binlog(ReplayFixtures.file(ReplayFixtures.MYSQL_80_PAYLOAD))
                .tls()
                .user("native", "n-pw", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .user("sha2", "s2-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .user("sha2rsa", "s2-rsa-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .user("sha256", "s256-pw", ReplayAuthPlugin.SHA256_PASSWORD)
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs the client; its exit code and output (stdout and stderr). */
    private static String[] mariadb(String user, String password, String... options)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "/usr/bin/mariadb",
                "--no-defaults",
                "-h",
                MysqlReplayServer.HOST,
                "-P",
                Integer.toString(server.port()),
                "--plugin-dir=" + PLUGIN_DIR,
                "-u",
                user,
                "--password=" + password,
                "-N",
                "-B",
                "-e",
                "SELECT @@version, CURRENT_USER()"));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    private static void assertLogin(String user, String password, ReplayLogin.Path path, String... options)
            throws Exception {
        String[] result = mariadb(user, password, options);
        assertThat(result[1]).isEqualTo("8.4.3\t" + user + "@%");
        assertThat(result[0]).isEqualTo("0");
        List<ReplayLogin> logins = server.logins();
        assertThat(logins.get(logins.size() - 1))
                .isEqualTo(new ReplayLogin(user, logins.get(logins.size() - 1).plugin(), path, true));
    }

    @Test
    void nativePassword() throws Exception {
        assertLogin("native", "n-pw", ReplayLogin.Path.NATIVE_SCRAMBLE, "--skip-ssl");
    }

    @Test
    void cachingSha2FullOverTlsThenFastThenFullWithTheFetchedKey() throws Exception {
        server.clearAuthenticationCache();
        assertLogin("sha2", "s2-pw", ReplayLogin.Path.TLS, "--ssl", "--default-auth=caching_sha2_password");
        assertLogin("sha2", "s2-pw", ReplayLogin.Path.FAST, "--skip-ssl", "--default-auth=caching_sha2_password");
        assertLogin(
                "sha2rsa",
                "s2-rsa-pw",
                ReplayLogin.Path.RSA_KEY_REQUESTED,
                "--skip-ssl",
                "--default-auth=caching_sha2_password");
    }

    /** The client checks the replay server's certificate against the throwaway CA, and the name 127.0.0.1. */
    @Test
    void theCertificateIsVerifiedAgainstTheCa() throws Exception {
        assertLogin(
                "native",
                "n-pw",
                ReplayLogin.Path.NATIVE_SCRAMBLE,
                "--ssl-ca=" + server.caCertificate(),
                "--ssl-verify-server-cert");
    }

    @Test
    void sha256PasswordOverTlsAndWithTheFetchedKey() throws Exception {
        assertLogin("sha256", "s256-pw", ReplayLogin.Path.TLS, "--ssl");
        assertLogin("sha256", "s256-pw", ReplayLogin.Path.RSA_KEY_REQUESTED, "--skip-ssl");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        String[] result = mariadb("sha2", "wrong", "--ssl", "--default-auth=caching_sha2_password");
        assertThat(result[0]).isNotEqualTo("0");
        assertThat(result[1]).contains("ERROR 1045 (28000)").contains("Access denied for user 'sha2'");
    }
}
