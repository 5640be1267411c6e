package org.mysqlreplication.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;

/**
 * What the build packages, checked after {@code package}: the jars' manifests, the sources and javadoc jars of the
 * library, and the command's jar, which prints the pom's version.
 */
class PackagingIT {

    private static String pomVersion() throws Exception {
        return XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                        "/project/parent/version",
                        DocumentBuilderFactory.newInstance()
                                .newDocumentBuilder()
                                .parse(Path.of("pom.xml").toFile()));
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest();
        }
    }

    @Test
    void theCoreJarHasAModuleNameAndItsSourcesAndJavadoc() throws Exception {
        String version = pomVersion();
        Path target = Path.of("..", "core", "target");
        Path jar = target.resolve("mysql-replication-core-" + version + ".jar");
        assertThat(manifest(jar).getMainAttributes().getValue("Automatic-Module-Name"))
                .isEqualTo("org.mysqlreplication.core");
        assertThat(manifest(jar).getMainAttributes().getValue("Implementation-Version"))
                .isEqualTo(version);
        try (JarFile sources = new JarFile(target.resolve("mysql-replication-core-" + version + "-sources.jar")
                        .toFile());
                JarFile javadoc = new JarFile(target.resolve("mysql-replication-core-" + version + "-javadoc.jar")
                        .toFile())) {
            assertThat(sources.getEntry("org/mysqlreplication/client/BinLogStreamReader.java"))
                    .isNotNull();
            assertThat(javadoc.getEntry("org/mysqlreplication/client/BinLogStreamReader.html"))
                    .isNotNull();
        }
    }

    @Test
    void theCommandJarRunsAndPrintsThePomVersion() throws Exception {
        Path jar = Path.of("target", "mysql-replication.jar");
        assertThat(manifest(jar).getMainAttributes().getValue("Automatic-Module-Name"))
                .isEqualTo("org.mysqlreplication.cli");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--version")
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                .isEqualTo("mysql-replication " + pomVersion());
        assertThat(p.exitValue()).isZero();
    }

    /** picocli traces every argument when asked to by a system property: not the password. */
    @Test
    void theCommandJarNeverPrintsThePasswordEvenWithPicocliTracing() throws Exception {
        String pw = "Trace-Pw-5k8Qv";
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dpicocli.trace=DEBUG",
                        "-jar",
                        Path.of("target", "mysql-replication.jar").toString(),
                        "dump",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "1",
                        "--user",
                        "u",
                        "--password",
                        pw,
                        "--server-id",
                        "1")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("127.0.0.1:1").doesNotContain(pw);
    }

    @Test
    void theLicenseIsApache2() throws IOException {
        String license = Files.readString(Path.of("..", "LICENSE"));
        assertThat(license.strip()).startsWith("Apache License\n                           Version 2.0, January 2004");
        assertThat(license)
                .contains(
                        "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS");
    }
}
