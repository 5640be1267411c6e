package org.mysqlreplication.testing.replay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * COM_QUERY as the replay server answers it: {@code SELECT} of system variables ({@link SystemVariables}), user
 * variables, literals and a few functions; {@code SELECT ... FROM information_schema.COLUMNS} answers from the
 * tables the test supplied ({@link InformationSchema}), {@code SELECT ... FROM} anything else with no rows; {@code SET} records user variables ({@code
 * @master_binlog_checksum}, {@code @master_heartbeat_period}...); {@code SHOW MASTER STATUS} (before 8.4),
 * {@code SHOW BINARY LOG STATUS} (8.2 and later), {@code SHOW BINARY LOGS}, {@code SHOW VARIABLES LIKE},
 * {@code SHOW REPLICAS} (8.0.22 and later) and {@code SHOW SLAVE HOSTS} (before 8.4); other
 * statements get OK. What MySQL refuses in the configured version it refuses the same way (1064, 1193).
 * Not thread-safe: one per session.
 */
final class QueryAnswers {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern ALIAS = Pattern.compile("(?is)^(.*?)\\s+AS\\s+[`'\"]?([^`'\"]+)[`'\"]?$");
    private static final Pattern FROM = Pattern.compile("(?is)\\s+FROM\\s+");

    private final ServerConfig config;
    private final SystemVariables variables;
    private final String currentUser;
    private final long connectionId;
    /** Synchronized: {@code SHOW REPLICAS} in another session reads them (values may be null). */
    private final Map<String, String> userVariables = Collections.synchronizedMap(new HashMap<>());

    QueryAnswers(ServerConfig config, SystemVariables variables, String currentUser, long connectionId) {
        this.config = config;
        this.variables = variables;
        this.currentUser = currentUser;
        this.connectionId = connectionId;
    }

    /** A user variable the client set ({@code name} without the {@code @}), or null. */
    String userVariable(String name) {
        return userVariables.get(name.toLowerCase(Locale.ROOT));
    }

    void answer(String query, ServerPackets packets) throws IOException {
        String sql = COMMENT.matcher(query).replaceAll(" ").trim();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).trim();
        }
        String upper = sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (upper.startsWith("SELECT ")) {
            select(sql.substring(7).trim(), packets);
        } else if (upper.startsWith("SET ")) {
            set(sql.substring(4).trim());
            packets.write(ServerReplies.ok());
        } else if (upper.startsWith("SHOW ")) {
            show(upper.substring(5), sql, packets);
        } else {
            packets.write(ServerReplies.ok());
        }
    }

    private void select(String list, ServerPackets packets) throws IOException {
        Matcher from = FROM.matcher(list);
        boolean hasFrom = from.find();
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String item : splitTopLevel(hasFrom ? list.substring(0, from.start()) : list)) {
            Matcher alias = ALIAS.matcher(item);
            String expr = alias.matches() ? alias.group(1).trim() : item;
            names.add(alias.matches() ? alias.group(2) : item);
            if (!hasFrom) {
                String[] value = evaluate(expr);
                if (value.length == 2) {
                    packets.write(ServerReplies.err(Integer.parseInt(value[0]), "HY000", value[1]));
                    return;
                }
                values.add(value[0]);
            }
        }
        List<List<String>> rows = !hasFrom
                ? List.of(values)
                : InformationSchema.handles(list)
                        ? config.informationSchema().rows(names(list, from.start()), list)
                        : List.of();
        new TextResult(names, rows).writeTo(packets);
    }

    /** The select list's expressions without their aliases. */
    private static List<String> names(String list, int fromAt) {
        List<String> exprs = new ArrayList<>();
        for (String item : splitTopLevel(list.substring(0, fromAt))) {
            Matcher alias = ALIAS.matcher(item);
            exprs.add(alias.matches() ? alias.group(1).trim() : item);
        }
        return exprs;
    }

    /** {value} or {error code, message}. */
    private String[] evaluate(String expr) {
        String lower = expr.toLowerCase(Locale.ROOT);
        if (lower.startsWith("@@")) {
            String name = lower.substring(2).replaceFirst("^(global|session|local)\\.", "");
            String value = variables.get(name);
            return value != null || variables.isKnown(name)
                    ? new String[] {value}
                    : new String[] {"1193", "Unknown system variable '" + name + "'"};
        }
        if (lower.startsWith("@")) {
            return new String[] {userVariables.get(lower.substring(1))};
        }
        switch (lower.replace(" ", "")) {
            case "version()":
                return new String[] {config.version()};
            case "connection_id()":
                return new String[] {Long.toString(connectionId)};
            case "current_user()":
                return new String[] {currentUser + "@%"};
            case "user()":
                return new String[] {currentUser + "@localhost"};
            case "database()", "null":
                return new String[] {null};
            default:
                break;
        }
        if (expr.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return new String[] {expr};
        }
        if (expr.length() >= 2
                && (expr.startsWith("'") && expr.endsWith("'") || expr.startsWith("\"") && expr.endsWith("\""))) {
            return new String[] {expr.substring(1, expr.length() - 1)};
        }
        return new String[] {"1054", "Unknown column '" + expr + "' in 'field list'"};
    }

    private void set(String assignments) {
        for (String a : splitTopLevel(assignments)) {
            int eq = a.indexOf('=');
            if (eq < 0 || !a.startsWith("@") || a.startsWith("@@")) {
                continue; // SET NAMES, SET SESSION x = ..., SET autocommit=1: accepted and ignored
            }
            String name = a.substring(1, eq).trim().toLowerCase(Locale.ROOT);
            String[] value = evaluate(a.substring(eq + 1).trim());
            userVariables.put(name, value.length == 1 ? value[0] : null);
        }
    }

    private void show(String upper, String sql, ServerPackets packets) throws IOException {
        boolean master = upper.startsWith("MASTER STATUS");
        boolean binary = upper.startsWith("BINARY LOG STATUS");
        if (master && config.versionAtLeast(8, 4, 0) || binary && !config.versionAtLeast(8, 2, 0)) {
            packets.write(syntaxError(sql.substring(5)));
        } else if (master || binary) {
            ReplayBinlog last = config.binlogs().get(config.binlogs().size() - 1);
            new TextResult(
                            List.of("File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB", "Executed_Gtid_Set"),
                            List.of(List.of(
                                    last.name(),
                                    Integer.toString(last.bytes().length),
                                    "",
                                    "",
                                    variables.get("gtid_executed"))))
                    .writeTo(packets);
        } else if (upper.equals("REPLICAS") && config.versionAtLeast(8, 0, 22)) {
            config.replicas().showReplicas(config.serverId()).writeTo(packets);
        } else if (upper.equals("SLAVE HOSTS") && !config.versionAtLeast(8, 4, 0)) {
            config.replicas().showSlaveHosts(config.serverId()).writeTo(packets);
        } else if (upper.startsWith("BINARY LOGS") || upper.startsWith("MASTER LOGS")) {
            List<List<String>> rows = new ArrayList<>();
            config.binlogs().forEach(b -> rows.add(List.of(b.name(), Integer.toString(b.bytes().length), "No")));
            new TextResult(List.of("Log_name", "File_size", "Encrypted"), rows).writeTo(packets);
        } else if (upper.matches("(GLOBAL |SESSION )?VARIABLES LIKE '.*'")) {
            String pattern =
                    sql.substring(sql.indexOf('\'') + 1, sql.lastIndexOf('\'')).toLowerCase(Locale.ROOT);
            new TextResult(List.of("Variable_name", "Value"), variables.like(pattern)).writeTo(packets);
        } else {
            packets.write(syntaxError(sql.substring(5)));
        }
    }

    private static byte[] syntaxError(String near) {
        return ServerReplies.err(
                1064,
                "42000",
                "You have an error in your SQL syntax; check the manual that"
                        + " corresponds to your MySQL server version for the right syntax to use near '" + near
                        + "' at line 1");
    }

    /** Splits at commas outside quotes and parentheses. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(s.substring(start).trim());
        return out;
    }
}
