package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.schema.FileSchemaHistoryStore;
import org.mysqlreplication.schema.SchemaHistory;
import org.mysqlreplication.schema.SchemaHistoryResolver;
import org.mysqlreplication.schema.SchemaMismatchPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code read}: prints the events of binlog files on disk in the dump format. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Print the events of binlog files on disk in python-mysql-replication's dump format.")
final class ReadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "binlog files, read in the order given")
    private List<Path> files;

    @Option(names = "--schema-history", paramLabel = "HISTORY", description = "a schema history file (JSON lines):"
            + " the DDL read is applied and appended to it, and rows get the column names of their time; a history"
            + " kept by an earlier run is used as of the first file's start")
    private Path schemaHistory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SchemaHistory history = schemaHistory == null ? null
                : new SchemaHistory(new FileSchemaHistoryStore(schemaHistory));
        if (history != null && !history.isEmpty()) {
            history.restore(files.get(0).getFileName().toString(), 4);
        }
        for (Path file : files) {
            DecodeContext ctx = history == null ? new DecodeContext(UnknownEventPolicy.DELIVER)
                    : new DecodeContext(new SchemaHistoryResolver(history, SchemaMismatchPolicy.FAIL, m -> { }),
                            UnknownEventPolicy.DELIVER);
            try (BinlogFileReader reader = new BinlogFileReader(file, ctx)) {
                for (BinlogEvent event = reader.next(); event != null; event = reader.next()) {
                    if (history != null && event instanceof QueryEvent q) {
                        history.apply(q, file.getFileName().toString(), reader.position());
                    }
                    out.print(event.dump());
                }
            }
            out.flush();
        }
        return 0;
    }
}
