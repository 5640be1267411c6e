package org.mysqlreplication.event;

import java.util.regex.Pattern;

/**
 * Hides password literals in SQL text before it goes into a dump or a {@code toString()}:
 * {@code IDENTIFIED [WITH plugin] BY|AS '...'} and {@code PASSWORD('...')} / {@code SET PASSWORD ... = '...'}.
 * Servers usually log hashes only, but a dump must never show a password whatever the server wrote. Public for
 * the other writers of events (JSON lines).
 *
 * <p>Stateless and thread-safe.
 */
public final class PasswordRedaction {

    private static final String LITERAL = "(?:'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.|\"\")*\")";
    private static final Pattern IDENTIFIED = Pattern.compile(
            "(?i)(IDENTIFIED\\s+(?:VIA|WITH)?\\s*(?:\\S+\\s+)?(?:BY|AS|USING)\\s+(?:PASSWORD\\s*\\(?\\s*)?)" + LITERAL);
    private static final Pattern PASSWORD_FN =
            Pattern.compile("(?i)(PASSWORD\\s*(?:\\(|=)\\s*(?:PASSWORD\\s*\\()?\\s*)" + LITERAL);

    private PasswordRedaction() {}

    /** {@code sql} with each password literal replaced by {@code '<redacted>'}. */
    public static String redact(String sql) {
        String s = IDENTIFIED.matcher(sql).replaceAll("$1'<redacted>'");
        return PASSWORD_FN.matcher(s).replaceAll("$1'<redacted>'");
    }
}
