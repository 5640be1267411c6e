package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a usage error as its reason and one line pointing to {@code --help} (not the whole help), and exits 2.
 * picocli's own messages for unknown arguments list every argument from the first unknown one on, the password
 * included: this handler names the first unknown argument only, and every message goes through
 * {@link ArgumentSecrets#redact}.
 *
 * <p>Immutable; thread-safe as far as its writer is.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    /** The exit code of a usage error. */
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        ArgumentSecrets secrets = ArgumentSecrets.of(args);
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(Main.NAME + ": " + secrets.redact(reason(e, secrets)).replace('\n', ' '));
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    private static String reason(ParameterException e, ArgumentSecrets secrets) {
        if (!(e instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        String arg = u.getUnmatched().get(0);
        String first = arg.startsWith("-") && arg.indexOf('=') > 0 ? arg.substring(0, arg.indexOf('=')) : arg;
        String shown = secrets.isSecret(first) ? ArgumentSecrets.MASK : "'" + first + "'";
        boolean top = u.getCommandLine().getParent() == null
                && !u.getCommandLine().getSubcommands().isEmpty();
        String what = first.startsWith("-") ? "unknown option " : top ? "unknown command " : "unexpected argument ";
        List<String> suggestions = u.getSuggestions();
        return what + shown + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?");
    }
}
