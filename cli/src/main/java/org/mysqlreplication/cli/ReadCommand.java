package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.DecodeOptions;
import org.mysqlreplication.event.decode.SchemaHistoryResolver;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.schema.FileSchemaHistoryStore;
import org.mysqlreplication.schema.SchemaHistory;
import org.mysqlreplication.schema.SchemaMismatchPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code read}: prints the events of binlog files on disk in the dump format or as JSON lines. What was decoded
 * before an error is printed before the error's line; on a terminal, the progress goes to stderr.
 */
@Command(
        name = "read",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print the events of binlog files on disk in python-mysql-replication's dump format or as"
                + " JSON lines.")
final class ReadCommand implements Callable<Integer> {

    /** How many events are printed between two checks that stdout is still read. */
    private static final int CHECK_EVERY = 256;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "binlog files, read in the order given")
    private List<Path> files;

    @Mixin
    private OutputFormat format;

    @Option(
            names = "--schema-history",
            paramLabel = "HISTORY",
            description = "a schema history file (JSON lines):"
                    + " the DDL read is applied and appended to it, and rows get the column names of their time; a history"
                    + " kept by an earlier run is used as of the first file's start")
    private Path schemaHistory;

    @Option(
            names = "--schema-mismatch",
            paramLabel = "POLICY",
            defaultValue = "FAIL",
            description = "with --schema-history, when its table does not match a TABLE_MAP: FAIL (the default:"
                    + " stop with an error that names the table) or POSITIONAL_NAMES (print its rows as @1, @2, ...)")
    private SchemaMismatchPolicy schemaMismatch;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SchemaHistory history =
                schemaHistory == null ? null : new SchemaHistory(new FileSchemaHistoryStore(schemaHistory));
        if (history != null && !history.isEmpty()) {
            history.restore(files.get(0).getFileName().toString(), 4);
        }
        EventOutput output = new EventOutput(format.printer(spec, out), out, CHECK_EVERY);
        Progress progress = Progress.onTerminal(spec.commandLine().getErr());
        try {
            for (Path file : files) {
                DecodeOptions options =
                        DecodeOptions.defaults(UnknownEventPolicy.DELIVER).withLazyRows(format.json());
                DecodeContext ctx = history == null
                        ? new DecodeContext(options)
                        : new DecodeContext(new SchemaHistoryResolver(history, schemaMismatch, m -> {}), options);
                try (BinlogFileReader reader = new BinlogFileReader(file, ctx)) {
                    for (BinlogEvent event : reader) {
                        if (history != null && event instanceof QueryEvent q) {
                            SchemaHistoryResolver.apply(
                                    history,
                                    q,
                                    file.getFileName().toString(),
                                    reader.position().position());
                        }
                        if (!output.print(event, reader.position())) {
                            return 0;
                        }
                        progress.update(output.events(), file, reader.position().position());
                    }
                    if (!output.finish()) { // a transaction does not continue in the next file
                        return 0;
                    }
                }
                progress.fileDone();
            }
        } finally {
            progress.end();
            out.flush();
        }
        return 0;
    }
}
