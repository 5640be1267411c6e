package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mysqlreplication.client.BinLogStreamReader;
import org.mysqlreplication.client.BinLogStreamReaderConfig;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.testing.PythonReadmeSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: starts a throwaway MariaDB, runs the SQL session of python-mysql-replication's README, prints
 * every event of the binlog in the dump format and stops the server.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Start a throwaway local MariaDB, run python-mysql-replication's README session"
                + " and print its binlog events.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("starting a throwaway MariaDB...");
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            err.println("MariaDB on " + db.host() + ":" + db.port() + "; running:");
            for (String sql : PythonReadmeSession.STATEMENTS) {
                err.println("  " + sql + ";");
            }
            err.flush();
            PythonReadmeSession.runOn(db);
            BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                    .connection(db.host(), db.port(), db.user(), db.password())
                    .serverId(100)
                    .build();
            try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
                for (BinlogEvent event : stream) {
                    out.print(event.dump());
                    out.flush();
                }
            }
        }
        err.println("server stopped");
        return 0;
    }
}
