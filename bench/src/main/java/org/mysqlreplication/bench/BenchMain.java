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
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * {@code bin/bench}: the end-to-end comparison with mysql-binlog-connector-java. Starts a throwaway MariaDB,
 * runs the {@link Workload}, then for each round runs every reader once, each in its own child JVM
 * ({@link ReaderProcess}), rotating the order of the readers from round to round, and prints the medians and
 * the ratios (last line).
 *
 * <p>Options: {@code --rows N} (default 1,000,000, a multiple of 1000), {@code --rounds R} (default 3),
 * {@code --xmx SIZE} (heap cap of the child JVMs, e.g. {@code 64m}; default the JVM's own),
 * {@code --jfr DIR} (record a JFR profile of every child into DIR; {@code --jfr-settings} names the JFR settings,
 * default {@code profile}, or a .jfc file, e.g. one with a 1 ms {@code jdk.ExecutionSample} period),
 * {@code --jvm-arg ARG} (repeatable: more options for the child JVMs, e.g. {@code -XX:+AlwaysPreTouch}),
 * {@code --readers a,b} (a subset, by label).
 */
public final class BenchMain {

    private int rows = 1_000_000;
    private int rounds = 3;
    private String xmx;
    private Path jfrDir;
    private String jfrSettings = "profile";
    private final List<String> jvmArgs = new ArrayList<>();
    private List<ReaderKind> readers = List.of(ReaderKind.values());

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
                case "--xmx" -> xmx = need(a, v);
                case "--jfr" -> jfrDir = Path.of(need(a, v));
                case "--jfr-settings" -> jfrSettings = need(a, v);
                case "--jvm-arg" -> jvmArgs.add(need(a, v));
                case "--readers" ->
                    readers = Arrays.stream(need(a, v).split(","))
                            .map(ReaderKind::ofLabel)
                            .toList();
                case "-h", "--help" -> {
                    System.out.println("usage: bin/bench [--rows N] [--rounds R] [--xmx 64m] "
                            + "[--jfr DIR [--jfr-settings profile|FILE.jfc]] [--jvm-arg ARG]... "
                            + "[--readers ours-network,ours-network-lazy,ours-network-key,ours-network-lazy-key,"
                            + "connector-network,raw-packets,ours-file,connector-file]");
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
                        + "transaction; %d round(s); child heap %s%s%n",
                rows,
                workload.updatedRows(),
                workload.deletedRows(),
                Workload.ROWS_PER_TRANSACTION,
                rounds,
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
                    Measurement m = fork(k, target, 1000 + round * 10 + k.ordinal(), round);
                    System.out.printf(
                            Locale.ROOT,
                            "round %d %-18s %7.2f s  rows %,d  events %,d%n",
                            round + 1,
                            k.label(),
                            m.wallNanos() / 1e9,
                            m.rows(),
                            m.events());
                    report.add(m);
                }
            }
            System.out.println();
            System.out.println(report.render());
        }
    }

    /**
     * The benchmark's server: FULL row metadata (so both libraries know the columns' charsets from the binlog
     * alone, and our file reader decodes TEXT as the network one does), a large max_allowed_packet, and no
     * fsync per commit (the workload is written faster; the binlog is the same).
     */
    static LocalMariaDb startServer() {
        return LocalMariaDb.builder()
                .binlogRowMetadata("FULL")
                .serverOption("max-allowed-packet", "256M")
                .serverOption("innodb-buffer-pool-size", "1G")
                .serverOption("innodb-flush-log-at-trx-commit", "0")
                .serverOption("sync-binlog", "0")
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

    /** Runs one reader in a child JVM and parses its RESULT line. */
    private Measurement fork(ReaderKind k, Target t, long serverId, int round)
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
                System.getProperty("java.class.path"),
                ReaderProcess.class.getName(),
                k.label(),
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
        String result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || result == null) {
            throw new IllegalStateException(
                    k.label() + " failed (exit " + rc + "); its stderr:\n" + Files.readString(log));
        }
        Files.deleteIfExists(log);
        return Measurement.parse(result);
    }
}
