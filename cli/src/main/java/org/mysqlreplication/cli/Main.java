package org.mysqlreplication.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code mysql-replication} command. Exit codes: 0 success, 1 a failure while connecting,
 * authenticating or streaming (one line on stderr says why), 2 bad usage.
 */
@Command(name = "mysql-replication", mixinStandardHelpOptions = true, version = "mysql-replication 0.1.0",
        description = "Reads a MySQL/MariaDB binary log as a replica and prints its events.",
        subcommands = {DemoCommand.class, DumpCommand.class, ReadCommand.class, ReplayServerCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("mysql-replication: " + oneLine(e));
            commandLine.getErr().flush();
            return 1;
        });
        return cl.execute(args);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: demo, dump, read or replay-server");
    }
}
