package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.client.BinLogStreamReader;
import org.mysqlreplication.client.BinLogStreamReaderConfig;
import org.mysqlreplication.client.StartPosition;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.gtid.GtidFormatException;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.gtid.MysqlGtidSet;
import org.mysqlreplication.schema.SchemaMismatchPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dump}: prints the events of a real server's binlog in the dump format or as JSON lines. It stops when nobody
 * reads its output any more, and on SIGTERM prints where it stopped (see {@link StopOnSignal}).
 */
@Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print the binlog events of a MySQL/MariaDB server in python-mysql-replication's dump format"
                + " or as JSON lines.")
final class DumpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--start-file", description = "binlog file to start from (default: the server's current file)")
    private String startFile;

    @Option(names = "--start-pos", description = "position in --start-file (default: its first event)")
    private Long startPos;

    @Option(
            names = "--stop-pos",
            paramLabel = "POS",
            description = "stop after the event that reaches this position (its end_log_pos, as SHOW BINLOG EVENTS"
                    + " gives it) in the file being read; python's end_log_pos")
    private Long stopPos;

    @Option(
            names = "--annotate-rows-event",
            description = "ask a MariaDB server for its ANNOTATE_ROWS events (the SQL of each row change), which it"
                    + " sends only on request; python's annotate_rows_event")
    private boolean annotateRowsEvent;

    @Option(
            names = "--start-gtid",
            paramLabel = "GTIDS",
            description = "GTIDs to start after (instead of --start-file): a MariaDB GTID position, e.g."
                    + " 0-1-100,1-2-7, or a MySQL GTID set, e.g. 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5 (tags too:"
                    + " uuid:1-5:mytag:1-2); a MySQL set is told by its ':'")
    private String startGtid;

    @Option(
            names = "--resume-stream",
            description = "without a start: start at the current end of the binlog"
                    + " (only new events) instead of the beginning of the server's current file")
    private boolean resumeStream;

    @Option(names = "--follow", description = "keep waiting for new events instead of stopping at the end")
    private boolean follow;

    @Option(names = "--only-schemas", split = ",", paramLabel = "SCHEMA", description = "only these schemas")
    private List<String> onlySchemas;

    @Option(names = "--ignored-schemas", split = ",", paramLabel = "SCHEMA", description = "not these schemas")
    private List<String> ignoredSchemas;

    @Option(
            names = "--only-tables",
            split = ",",
            paramLabel = "TABLE",
            description = "only these tables (name, or schema.name)")
    private List<String> onlyTables;

    @Option(
            names = "--ignored-tables",
            split = ",",
            paramLabel = "TABLE",
            description = "not these tables (name, or schema.name)")
    private List<String> ignoredTables;

    @Option(
            names = "--only-events",
            split = ",",
            paramLabel = "EVENT",
            description = "only these events, by class"
                    + " or by the name the dump prints, in any case, e.g. WriteRowsEvent,QueryEvent")
    private List<String> onlyEvents;

    @Option(
            names = "--ignored-events",
            split = ",",
            paramLabel = "EVENT",
            description = "not these events, named" + " as for --only-events")
    private List<String> ignoredEvents;

    @Option(
            names = "--schema-mismatch",
            paramLabel = "POLICY",
            defaultValue = "FAIL",
            description = "when the server's table (information_schema) no longer matches a TABLE_MAP: FAIL (the"
                    + " default: stop with an error that names the table) or POSITIONAL_NAMES (print its rows as"
                    + " @1, @2, ...)")
    private SchemaMismatchPolicy schemaMismatch;

    @Mixin
    private OutputFormat format;

    @Override
    public Integer call() {
        BinLogStreamReaderConfig config = config();
        FilterReport filters = new FilterReport(
                given("--only-schemas", onlySchemas, "--only-tables", onlyTables),
                given("--only-events", onlyEvents, "--ignored-events", ignoredEvents),
                config.selector().onlyEvents());
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        EventOutput output = new EventOutput(format.printer(spec, out), out, 1);
        try (BinLogStreamReader stream = new BinLogStreamReader(config);
                StopOnSignal stop = new StopOnSignal(
                        stream, err, config.start() instanceof StartPosition.At at ? at.position() : null)) {
            try {
                for (BinlogEvent event : stream) {
                    if (!output.print(event, stream.position())) {
                        return 0;
                    }
                    filters.printed(event);
                    stop.printed(stream.position());
                }
                output.finish();
            } catch (BinlogException e) {
                if (!stop.stopping()) {
                    throw e;
                }
            }
        }
        filters.warn(err);
        return 0;
    }

    private BinLogStreamReaderConfig config() {
        BinLogStreamReaderConfig.Builder b = BinLogStreamReaderConfig.builder()
                .blocking(follow)
                .resumeStream(resumeStream)
                .annotateRowsEvent(annotateRowsEvent)
                .lazyRows(format.json())
                .schemaMismatchPolicy(schemaMismatch);
        try {
            connection.applyTo(b, spec);
            start(b);
            if (stopPos != null) {
                b.endLogPos(stopPos);
            }
            filters(b);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void start(BinLogStreamReaderConfig.Builder b) {
        if (startFile != null) {
            b = startPos == null ? b.startFile(startFile) : b.startAt(new BinlogPosition(startFile, startPos));
        } else if (startPos != null) {
            throw new ParameterException(spec.commandLine(), "--start-pos needs --start-file");
        }
        if (startGtid != null) {
            if (startFile != null) {
                throw new ParameterException(spec.commandLine(), "give --start-gtid or --start-file, not both");
            }
            try {
                if (startGtid.contains(":")) { // a MySQL set names a server UUID; MariaDB GTIDs never have a ':'
                    b.startAtGtid(MysqlGtidSet.parse(startGtid));
                } else {
                    b.startAtGtid(MariadbGtidPosition.parse(startGtid));
                }
            } catch (GtidFormatException e) {
                throw new ParameterException(spec.commandLine(), "--start-gtid: " + e.getMessage());
            }
        }
    }

    private void filters(BinLogStreamReaderConfig.Builder b) {
        if (onlySchemas != null) {
            b.onlySchemas(onlySchemas.toArray(String[]::new));
        }
        if (ignoredSchemas != null) {
            b.ignoredSchemas(ignoredSchemas.toArray(String[]::new));
        }
        if (onlyTables != null) {
            b.onlyTables(onlyTables.toArray(String[]::new));
        }
        if (ignoredTables != null) {
            b.ignoredTables(ignoredTables.toArray(String[]::new));
        }
        if (onlyEvents != null) {
            b.onlyEvents(eventClasses(onlyEvents));
        }
        if (ignoredEvents != null) {
            b.ignoredEvents(eventClasses(ignoredEvents));
        }
    }

    /** The options among these (name, values) pairs that were given, as typed: {@code --only-tables a,b}. */
    private static List<String> given(Object... namesAndValues) {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] instanceof List<?> values) {
                given.add(namesAndValues[i] + " "
                        + String.join(",", values.stream().map(String::valueOf).toList()));
            }
        }
        return given;
    }

    @SuppressWarnings("unchecked")
    private Class<? extends BinlogEvent>[] eventClasses(List<String> names) {
        Set<Class<? extends BinlogEvent>> classes = new LinkedHashSet<>();
        for (String name : names) {
            Class<? extends BinlogEvent> c = EventClasses.byName(name);
            if (c == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "unknown event " + name + "; known: " + String.join(", ", EventClasses.names()));
            }
            classes.add(c);
        }
        return classes.toArray(Class[]::new);
    }
}
