package org.mysqlreplication.bench.maxwell;

import com.zendesk.maxwell.Maxwell;
import com.zendesk.maxwell.MaxwellConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mysqlreplication.bench.CdcUser;
import org.mysqlreplication.bench.DataStart;
import org.mysqlreplication.bench.ExternalReader;
import org.mysqlreplication.bench.NullJsonSink;
import org.mysqlreplication.bench.ReadResult;
import org.mysqlreplication.bench.Target;

/**
 * Maxwell 1.22.6 with its stdout producer ({@code --producer=stdout}: one JSON object per row change, one per line,
 * {@code System.out.println}), configured by its command-line options, from the workload's first transaction
 * ({@code --init_position}) with the workload's table alone ({@code --filter}). {@code System.out} is a
 * {@link NullJsonSink} during the pass: every line is produced and counted, none goes to the pipe. Maxwell keeps its
 * state in the server's {@code maxwell} database, which the bench server leaves out of its binlog
 * ({@code binlog-ignore-db}) and which is dropped (unlogged, {@link CdcUser}) before each pass so that every pass starts at the same position
 * with a fresh schema capture. Maxwell does not stop at the end of the binlog: the pass ends when the workload's
 * row count was printed, or after {@value #IDLE_MILLIS} ms without a new line (the count then falls short, and
 * bin/bench fails); it is terminated after the pass, untimed. Not thread-safe.
 */
public final class MaxwellReader implements ExternalReader {

    static final String SCHEMA_DATABASE = "maxwell";
    private static final long IDLE_MILLIS = 30_000;

    private Maxwell maxwell;
    private Thread runner;
    private PrintStream stdout;

    @Override
    public ReadResult read(Target root, DataStart start, long expectedRows, int pass) throws Exception {
        Target t = CdcUser.prepare(root, "DROP DATABASE IF EXISTS " + SCHEMA_DATABASE);
        List<String> args = new ArrayList<>(List.of(
                "--host=" + t.host(),
                "--port=" + t.port(),
                "--user=" + t.user(),
                "--password=" + t.password(),
                "--producer=stdout",
                "--schema_database=" + SCHEMA_DATABASE,
                "--init_position=" + start.file() + ":" + start.position() + ":0",
                "--replica_server_id=" + t.serverId(),
                "--client_id=bench",
                "--filter=exclude: *.*, include: bench.t",
                "--log_level=warn"));
        NullJsonSink sink = new NullJsonSink();
        stdout = System.out;
        System.setOut(new PrintStream(sink, false, StandardCharsets.UTF_8));
        maxwell = new Maxwell(new MaxwellConfig(args.toArray(String[]::new)));
        runner = new Thread(maxwell, "maxwell");
        runner.start();
        sink.awaitLines(expectedRows, IDLE_MILLIS, runner::isAlive);
        return new ReadResult(sink.lines(), 0, sink.bytes(), sink.checksum(), 0);
    }

    @Override
    public void stop() throws InterruptedException {
        maxwell.terminate();
        runner.join(60_000);
        System.out.flush();
        System.setOut(stdout);
    }
}
