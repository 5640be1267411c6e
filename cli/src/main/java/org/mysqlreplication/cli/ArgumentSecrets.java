package org.mysqlreplication.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The secret values on a command line, so that no message shows them: the value of every option whose name
 * looks like a password option ({@code --password}, but also a mistyped {@code --pasword} or {@code --passwd},
 * which picocli does not know and would otherwise echo), given as the next argument or after {@code =}.
 * {@code --password-env} names a variable, not a secret, and is left alone.
 *
 * <p>Immutable and thread-safe.
 */
final class ArgumentSecrets {

    static final String MASK = "***";

    private final List<String> secrets;

    private ArgumentSecrets(List<String> secrets) {
        this.secrets = secrets;
    }

    static ArgumentSecrets of(String... args) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!isPasswordOption(name)) {
                continue;
            }
            if (eq >= 0) {
                found.add(arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                found.add(args[i + 1]);
            }
        }
        found.removeIf(String::isEmpty);
        found.sort(Comparator.comparingInt(String::length).reversed());
        return new ArgumentSecrets(List.copyOf(found));
    }

    /** Whether {@code arg} is an argument that must never be shown, as given on the command line. */
    boolean isSecret(String arg) {
        return secrets.contains(arg);
    }

    /** {@code text} with every secret replaced by {@value #MASK}. */
    String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    private static boolean isPasswordOption(String name) {
        if (!name.startsWith("-") || name.equals("--password-env")) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("pas") || n.contains("pw") || n.equals("-p") || n.contains("secret");
    }
}
