package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.file.BinlogFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code read}: prints the events of binlog files on disk in the dump format. What was decoded before an error is
 * printed before the error's line; on a terminal, the progress goes to stderr.
 */
@Command(name = "read", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the events of binlog files on disk in python-mysql-replication's dump format.")
final class ReadCommand implements Callable<Integer> {

    /** How many events are printed between two checks that stdout is still read. */
    private static final int CHECK_EVERY = 256;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "binlog files, read in the order given")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EventOutput output = new EventOutput(out, CHECK_EVERY);
        Progress progress = Progress.onTerminal(spec.commandLine().getErr());
        try {
            for (Path file : files) {
                try (BinlogFileReader reader = new BinlogFileReader(file)) {
                    for (BinlogEvent event : reader) {
                        if (!output.print(event)) {
                            return 0;
                        }
                        progress.update(output.events(), file, reader.position().position());
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
