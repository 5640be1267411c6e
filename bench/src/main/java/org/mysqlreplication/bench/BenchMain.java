package org.mysqlreplication.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * {@code bin/bench}: the end-to-end comparison with mysql-binlog-connector-java (and, on request, Maxwell and
 * Debezium). Starts a throwaway MariaDB, runs the {@link Workload}, then for each round runs every reader in its
 * own child JVM ({@link ReaderProcess}), which streams the binlog several times (the first pass cold, the others
 * warm), rotating the order of the readers from round to round, and prints the medians of the cold and of the
 * warm passes and the ratios (last line). A reader that delivers another number of row changes than the
 * workload made fails the run.
 *
 * <p>Options: {@code --rows N} (default 1,000,000, a multiple of 1000), {@code --rounds R} (default 3),
 * {@code --passes P} (passes per JVM, default 6: one cold, five warm), {@code --cdc-passes P} (the same for
 * Maxwell and Debezium, default 3: they are 4-20x slower),
 * {@code --xmx SIZE} (heap cap of the child JVMs, e.g. {@code 64m}; default the JVM's own),
 * {@code --jfr DIR} (record a JFR profile of every child into DIR; {@code --jfr-settings} names the JFR settings,
 * default {@code profile}, or a .jfc file, e.g. one with a 1 ms {@code jdk.ExecutionSample} period),
 * {@code --jvm-arg ARG} (repeatable: more options for the child JVMs, e.g. {@code -XX:+AlwaysPreTouch}),
 * {@code --readers a,b} (a subset, by label; {@code all} for every reader; the default is every reader but
 * {@code maxwell} and {@code debezium}, which run from their own modules' class paths and take minutes).
 */
public final class BenchMain {

    private int rows = 1_000_000;
    private int rounds = 3;
    private int passes = 6;
    private int cdcPasses = 3;
    private String xmx;
    private Path jfrDir;
    private String jfrSettings = "profile";
    private final List<String> jvmArgs = new ArrayList<>();
    private List<ReaderKind> readers = ReaderKind.defaults();

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        BenchMain b = new BenchMain();
        b.parse(args);
        b.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--rows" ->
                    rows = Integer.parseInt(need(a, v).replace("_", "").replace(",", ""));
                case "--rounds" -> rounds = Integer.parseInt(need(a, v));
                case "--passes" -> passes = Integer.parseInt(need(a, v));
                case "--cdc-passes" -> cdcPasses = Integer.parseInt(need(a, v));
                case "--xmx" -> xmx = need(a, v);
                case "--jfr" -> jfrDir = Path.of(need(a, v));
                case "--jfr-settings" -> jfrSettings = need(a, v);
                case "--jvm-arg" -> jvmArgs.add(need(a, v));
                case "--readers" ->
                    readers = need(a, v).equals("all")
                            ? List.of(ReaderKind.values())
                            : Arrays.stream(v.split(","))
                                    .map(ReaderKind::ofLabel)
                                    .toList();
                case "-h", "--help" -> {
                    System.out.println("usage: bin/bench [--rows N] [--rounds R] [--passes P] [--cdc-passes P] "
                            + "[--xmx 64m] [--jfr DIR [--jfr-settings profile|FILE.jfc]] [--jvm-arg ARG]... "
                            + "[--readers all|READER,...]\n"
                            + "readers (default: all but maxwell and debezium, which are slow and run from their own "
                            + "modules, built on first use):\n  "
                            + Arrays.stream(ReaderKind.values())
                                    .map(ReaderKind::label)
                                    .collect(Collectors.joining(",")));
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
            i++;
        }
    }

    private static String need(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private void run() throws Exception {
        Workload workload = new Workload(rows);
        System.out.printf(
                Locale.ROOT,
                "workload: %,d rows inserted, %,d updated, %,d deleted, %d rows per "
                        + "transaction; %d round(s) of %d pass(es) per JVM (maxwell, debezium: %d); child heap %s%s%n",
                rows,
                workload.updatedRows(),
                workload.deletedRows(),
                Workload.ROWS_PER_TRANSACTION,
                rounds,
                passes,
                cdcPasses,
                xmx == null ? "JVM default" : "-Xmx" + xmx,
                jvmArgs.isEmpty() ? "" : "; child JVM options " + String.join(" ", jvmArgs));
        try (LocalMariaDb db = startServer()) {
            System.out.println(
                    "server: " + db.query("SELECT VERSION()").get(0).get(0) + " on " + db.host() + ":" + db.port());
            long t0 = System.nanoTime();
            workload.run(settings(db));
            System.out.printf(Locale.ROOT, "workload written in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Target target = target(db);
            long binlogBytes = 0;
            for (Path f : target.files()) {
                binlogBytes += Files.size(f);
            }
            System.out.printf(
                    Locale.ROOT,
                    "binlog: %s .. %s:%d, %.1f MB in %d file(s)%n",
                    target.startFile(),
                    target.endFile(),
                    target.endPosition(),
                    binlogBytes / 1e6,
                    target.files().size());
            Report report = new Report(binlogBytes, workload.expectedRowCount());
            for (int round = 0; round < rounds; round++) {
                for (int j = 0; j < readers.size(); j++) {
                    ReaderKind k = readers.get((j + round) % readers.size());
                    for (Measurement m : fork(k, target, 1000 + round * 100 + k.ordinal(), round)) {
                        System.out.printf(
                                Locale.ROOT,
                                "round %d %-18s pass %d %7.2f s  cpu %6.2f s  rows %,d  events %,d%n",
                                round + 1,
                                k.label(),
                                m.pass(),
                                m.wallNanos() / 1e9,
                                m.cpuNanos() / 1e9,
                                m.rows(),
                                m.events());
                        report.add(m);
                    }
                }
            }
            System.out.println();
            System.out.println(report.render());
        }
    }

    /**
     * The benchmark's server: FULL row metadata (so both libraries know the columns' charsets from the binlog
     * alone, and our file reader decodes TEXT as the network one does), a large max_allowed_packet, and no
     * fsync per commit (the workload is written faster; the binlog is the same); Maxwell's state database out of
     * the binlog, so that its position and heartbeat writes do not add rows for the readers after it.
     */
    static LocalMariaDb startServer() {
        return LocalMariaDb.builder()
                .binlogRowMetadata("FULL")
                .serverOption("max-allowed-packet", "256M")
                .serverOption("innodb-buffer-pool-size", "1G")
                .serverOption("innodb-flush-log-at-trx-commit", "0")
                .serverOption("sync-binlog", "0")
                .serverOption("binlog-ignore-db", "maxwell")
                .start();
    }

    /** Where the stream ends and which files hold it, from SHOW MASTER STATUS and SHOW BINARY LOGS. */
    static Target target(LocalMariaDb db) {
        List<String> status = db.query("SHOW MASTER STATUS").get(0);
        String endFile = status.get(0);
        long endPos = Long.parseLong(status.get(1));
        List<Path> files = new ArrayList<>();
        for (List<String> row : db.query("SHOW BINARY LOGS")) {
            files.add(db.binlogDir().resolve(row.get(0)));
            if (row.get(0).equals(endFile)) {
                break;
            }
        }
        return new Target(
                db.host(),
                db.port(),
                db.user(),
                db.password(),
                0,
                files.get(0).getFileName().toString(),
                endFile,
                endPos,
                files);
    }

    static ConnectionSettings settings(LocalMariaDb db) {
        return ConnectionSettings.builder()
                .host(db.host())
                .port(db.port())
                .user(db.user())
                .password(db.password())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Runs one reader in a child JVM and parses its RESULT lines, one per pass. */
    private List<Measurement> fork(ReaderKind k, Target t, long serverId, int round)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (xmx != null) {
            cmd.add("-Xmx" + xmx);
        }
        cmd.addAll(jvmArgs);
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        if (jfrDir != null) {
            Files.createDirectories(jfrDir);
            cmd.add("-XX:StartFlightRecording=settings=" + jfrSettings + ",filename="
                    + jfrDir.resolve(k.label() + "-r" + (round + 1) + ".jfr"));
        }
        cmd.addAll(List.of(
                "-cp",
                classPath(k),
                ReaderProcess.class.getName(),
                k.label(),
                Integer.toString(k.external() ? cdcPasses : passes),
                Long.toString(new Workload(rows).expectedRowCount()),
                t.host(),
                Integer.toString(t.port()),
                t.user(),
                t.password() == null ? "" : t.password(),
                Long.toString(serverId),
                t.startFile(),
                t.endFile(),
                Long.toString(t.endPosition())));
        for (Path f : t.files()) {
            cmd.add(f.toString());
        }
        Path log = Files.createTempFile("bench-" + k.label(), ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        List<Measurement> results = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    results.add(Measurement.parse(line));
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || results.isEmpty()) {
            throw new IllegalStateException(
                    k.label() + " failed (exit " + rc + "); its stderr (" + log + "):\n" + tail(Files.readString(log)));
        }
        long expected = new Workload(rows).expectedRowCount();
        for (Measurement m : results) {
            if (k.decodes() && m.rows() != expected) {
                throw new IllegalStateException(k.label() + " delivered " + m.rows() + " row changes in pass "
                        + m.pass() + ", the workload made " + expected + "; its stderr (" + log + "):\n"
                        + tail(Files.readString(log)));
            }
        }
        Files.deleteIfExists(log);
        return results;
    }

    private static String tail(String text) {
        return text.length() <= 20_000 ? text : "...\n" + text.substring(text.length() - 20_000);
    }

    /**
     * The child's class path: ours; for Maxwell and Debezium their module's classes and dependencies first (they
     * bring their own mysql-binlog-connector-java, Kafka, Jackson, SLF4J binding), then ours, for the reader
     * process and our file reader. Those modules are built by {@code bin/bench} ({@code -Pcdc}), which passes
     * the checkout's root as {@code bench.root}.
     */
    private static String classPath(ReaderKind k) throws IOException {
        String ours = System.getProperty("java.class.path");
        if (!k.external()) {
            return ours;
        }
        Path module = Path.of(System.getProperty("bench.root", "."), "bench-" + k.label(), "target");
        Path deps = module.resolve("classpath.txt");
        if (!Files.exists(deps)) {
            throw new IllegalStateException(
                    deps + " is missing: build it with bin/bench (mvn -Pcdc -pl bench-" + k.label() + " -am package)");
        }
        return module.resolve("classes")
                + java.io.File.pathSeparator
                + Files.readString(deps).strip()
                + java.io.File.pathSeparator
                + ours;
    }
}
