package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.file.BinlogFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code read}: prints the events of binlog files on disk in the dump format or as JSON lines. What was decoded
 * before an error is printed before the error's line; on a terminal, the progress goes to stderr.
 */
@Command(name = "read", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EventOutput output = new EventOutput(format.printer(spec, out), out, CHECK_EVERY);
        Progress progress = Progress.onTerminal(spec.commandLine().getErr());
        try {
            for (Path file : files) {
                try (BinlogFileReader reader = new BinlogFileReader(file)) {
                    for (BinlogEvent event : reader) {
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
