package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code summary}: what each binlog file holds ({@link BinlogSummary}), as text or one JSON object per file per
 * line. A file that cannot be read to its end is still summarized up to the failing event (marked incomplete),
 * its one-line error (file, offset, reason) goes to stderr, the other files are read, and the exit code is 1.
 */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Summarize binlog files: server version, format, checksum, times, transactions, rows per"
                + " table and events per type.")
final class SummaryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "binlog files")
    private List<Path> files;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "text|json",
            description = "text (default) or json: one object per file per line")
    private String format;

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, found '" + format + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (Path file : files) {
            BinlogSummary s = BinlogSummary.of(file);
            out.print(f.equals("json") ? s.json() + "\n" : s.text());
            out.flush();
            if (!s.complete()) {
                err.println("mysql-replication: " + s.error());
                err.flush();
                exit = 1;
            }
        }
        return exit;
    }
}
