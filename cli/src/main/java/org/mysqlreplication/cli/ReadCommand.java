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

/** {@code read}: prints the events of binlog files on disk in the dump format. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Print the events of binlog files on disk in python-mysql-replication's dump format or as"
                + " JSON lines.")
final class ReadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "binlog files, read in the order given")
    private List<Path> files;

    @Mixin
    private OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OutputFormat.Printer printer = format.printer(spec, out);
        for (Path file : files) {
            try (BinlogFileReader reader = new BinlogFileReader(file)) {
                for (BinlogEvent event : reader) {
                    BinlogPosition at = reader.position();
                    printer.print(event, at.file(), at.position());
                }
            }
            printer.finish(); // a transaction does not continue in the next file
        }
        return 0;
    }
}
