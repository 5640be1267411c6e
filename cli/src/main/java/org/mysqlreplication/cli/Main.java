package org.mysqlreplication.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code mysql-replication} command. Exit codes: 0 success, 1 a failure while connecting,
 * authenticating or streaming (one line on stderr says why), 2 bad usage (the reason and a pointer to
 * {@code --help} on stderr). No message shows a password given on the command line.
 */
@Command(
        name = Main.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads a MySQL/MariaDB binary log as a replica and prints its events.",
        subcommands = {
            DemoCommand.class,
            DumpCommand.class,
            ReadCommand.class,
            SummaryCommand.class,
            ReplayServerCommand.class
        })
public final class Main implements Runnable {

    static final String NAME = "mysql-replication";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = writer(new FileOutputStream(FileDescriptor.out), false);
        PrintWriter err = writer(new FileOutputStream(FileDescriptor.err), true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * A buffered UTF-8 writer over {@code stream}. Not over {@code System.out}: a {@code PrintStream} swallows
     * write errors, so {@link PrintWriter#checkError()} would never see that the reader of a pipe has gone.
     */
    static PrintWriter writer(OutputStream stream, boolean autoFlush) {
        return new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16), autoFlush);
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        ArgumentSecrets secrets = ArgumentSecrets.of(args);
        // picocli's parser trace (-Dpicocli.trace) prints every argument, the password too
        CommandLine.tracer().setLevel(CommandLine.TraceLevel.OFF);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getOut().flush();
            commandLine.getErr().println(NAME + ": " + secrets.redact(oneLine(e)));
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
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a command is required: demo, dump, read, summary or replay-server");
    }
}
