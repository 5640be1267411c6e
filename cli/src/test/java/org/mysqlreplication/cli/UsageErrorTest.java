package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Every way of calling the command wrongly: exit 2, the reason and one line pointing to {@code --help} on stderr
 * (not the whole help), and never the password, wherever it stands on the command line.
 */
class UsageErrorTest {

    /** Distinctive, so that finding it in any output can only mean it was echoed. */
    private static final String PW = "Pw-7q3Zx-never-shown";

    private static final String[] CONNECT = {"--host", "127.0.0.1", "--port", "1", "--user", "repl"};

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("mistyped command", List.of("dum", "--password", PW), "unknown command 'dum'"),
                Arguments.of("mistyped command, password first", List.of("--password", PW, "dmp"), "--password"),
                Arguments.of("no command", List.of(), "a command is required"),
                Arguments.of("no command, only a password", List.of("--password=" + PW), "--password"),
                Arguments.of("unknown option", dump("--pasword", PW), "unknown option '--pasword'"),
                Arguments.of("unknown option with =", dump("--pasword=" + PW), "unknown option"),
                Arguments.of("password as a stray argument", dump("--password", PW, PW), "unexpected argument"),
                Arguments.of("bad number", dump("--password", PW, "--reconnect", "x3"), "'x3'"),
                Arguments.of("bad enum", dump("--password", PW, "--ssl-mode", "sometimes"), "'sometimes'"),
                Arguments.of("bad duration", dump("--password", PW, "--heartbeat", "soon"), "'soon'"),
                Arguments.of("server id 0", dump("--password", PW, "--server-id", "0"), "server id 0"),
                Arguments.of(
                        "server id too large",
                        dump("--password", PW, "--server-id", "4294967296"),
                        "server id 4294967296"),
                Arguments.of(
                        "negative start position",
                        dump("--password", PW, "--start-file", "mysql-bin.000001", "--start-pos", "-5"),
                        "binlog position -5"),
                Arguments.of(
                        "start position without file",
                        dump("--password", PW, "--start-pos", "4"),
                        "--start-pos needs --start-file"),
                Arguments.of(
                        "two starts", dump("--password", PW, "--start-file", "f", "--start-gtid", "0-1-1"), "not both"),
                Arguments.of(
                        "reconnect without follow",
                        dump("--password", PW, "--reconnect", "3"),
                        "reconnect needs blocking mode"),
                Arguments.of("reconnect 0", dump("--password", PW, "--follow", "--reconnect", "0"), "max attempts 0"),
                Arguments.of(
                        "port out of range",
                        List.of(
                                "dump",
                                "--host",
                                "h",
                                "--user",
                                "u",
                                "--server-id",
                                "7",
                                "--password",
                                PW,
                                "--port",
                                "70000"),
                        "found 70000"),
                Arguments.of(
                        "unknown event",
                        dump("--password", PW, "--only-events", "NoSuchEvent"),
                        "unknown event NoSuchEvent"),
                Arguments.of(
                        "missing required option",
                        List.of("dump", "--password", PW, "--host", "h"),
                        "Missing required options"),
                Arguments.of("option without its value", List.of("dump", "--host", "h", "--password"), "--password"),
                Arguments.of("password and password-env", dump("--password", PW, "--password-env", "V"), "not both"),
                Arguments.of("read without files", List.of("read", "--password", PW), "unknown option"));
    }

    private static List<String> dump(String... more) {
        List<String> args = new ArrayList<>(List.of("dump"));
        args.addAll(List.of(CONNECT));
        if (!List.of(more).contains("--server-id")) {
            args.addAll(List.of("--server-id", "7"));
        }
        args.addAll(List.of(more));
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void exitsTwoWithTheReasonAndAPointerToHelpButNeverThePassword(String what, List<String> args, String reason) {
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out() + r.err()).doesNotContain(PW).doesNotContain(PW.substring(0, 9));
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as(r.err()).hasSize(2);
        assertThat(lines.get(0)).startsWith("mysql-replication: ").contains(reason);
        assertThat(lines.get(1)).matches("Try 'mysql-replication( dump| read)? --help' for more information\\.");
        assertThat(r.out()).isEmpty();
    }

    /** A password that starts with a dash is taken as the value, and not shown when connecting fails. */
    @Test
    void aPasswordThatLooksLikeAnOptionIsNotShownEither() {
        CliRun r = CliRun.run(dump("--password", "-" + PW).toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("127.0.0.1:1");
        assertThat(r.out() + r.err()).doesNotContain(PW.substring(0, 9));
    }

    @Test
    void enumOptionsIgnoreCase() {
        CliRun r = CliRun.run(dump("--ssl-mode", "required").toArray(String[]::new));
        // parsed: the command got as far as connecting to the closed port
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("127.0.0.1:1");
    }

    @Test
    void versionIsThePomVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        String version = XPathFactory.newInstance().newXPath().evaluate("/project/parent/version", pom);
        assertThat(version).isNotBlank();
        CliRun r = CliRun.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("mysql-replication " + version);
        assertThat(CliRun.run("dump", "--version").out().strip()).isEqualTo("mysql-replication " + version);
    }
}
