package org.mysqlreplication.testing.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replay server's {@code information_schema.COLUMNS} over the tables a test supplies, for the one shape of query
 * replication clients send: {@code SELECT} columns of COLUMNS (optionally {@code alias.}-qualified, plus
 * {@code co.ID} from a {@code LEFT JOIN information_schema.COLLATIONS co ON co.COLLATION_NAME = c.COLLATION_NAME})
 * {@code WHERE} equalities joined by {@code AND}, in {@code ORDINAL_POSITION} order. Immutable; thread-safe.
 */
final class InformationSchema {

    private static final Pattern FROM_COLUMNS = Pattern.compile("(?is)\\bFROM\\s+information_schema\\.columns\\b");
    private static final Pattern WHERE = Pattern.compile("(?is)\\bWHERE\\b(.*?)(\\bORDER\\s+BY\\b.*)?$");
    private static final Pattern EQUALS =
            Pattern.compile("(?is)^\\s*(?:\\w+\\.)?(\\w+)\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'" + "\\s*$");
    /** The collation ids of MySQL 8's {@code information_schema.COLLATIONS} for the common collations. */
    private static final Map<String, String> COLLATION_IDS = Map.of(
            "utf8mb4_0900_ai_ci",
            "255",
            "utf8mb4_general_ci",
            "45",
            "utf8mb4_bin",
            "46",
            "utf8mb3_general_ci",
            "33",
            "utf8mb3_bin",
            "83",
            "latin1_swedish_ci",
            "8",
            "latin1_bin",
            "47",
            "ascii_general_ci",
            "11",
            "binary",
            "63");

    /** {@code schema.table} to its columns. */
    private final Map<String, List<ReplayColumn>> tables;

    InformationSchema(Map<String, List<ReplayColumn>> tables) {
        this.tables = Map.copyOf(tables);
    }

    /** Whether {@code sql} is a query of COLUMNS. */
    static boolean handles(String sql) {
        return FROM_COLUMNS.matcher(sql).find();
    }

    /** The rows for {@code selected} (the select list's expressions) under the query's WHERE. */
    List<List<String>> rows(List<String> selected, String sql) {
        Map<String, String> where = new HashMap<>();
        Matcher w = WHERE.matcher(sql);
        if (w.find()) {
            for (String cond : w.group(1).split("(?i)\\s+AND\\s+")) {
                Matcher eq = EQUALS.matcher(cond);
                if (eq.matches()) {
                    where.put(
                            eq.group(1).toUpperCase(Locale.ROOT),
                            eq.group(2).replace("\\'", "'").replace("\\\\", "\\"));
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        tables.forEach((qualified, columns) -> {
            String schema = qualified.substring(0, qualified.indexOf('.'));
            String table = qualified.substring(qualified.indexOf('.') + 1);
            for (int i = 0; i < columns.size(); i++) {
                Map<String, String> row = fields(schema, table, i + 1, columns.get(i));
                if (where.entrySet().stream().allMatch(e -> e.getValue().equalsIgnoreCase(row.get(e.getKey())))) {
                    List<String> out = new ArrayList<>();
                    for (String expr : selected) {
                        out.add(row.get(expr.replaceFirst("^\\w+\\.", "").toUpperCase(Locale.ROOT)));
                    }
                    rows.add(out);
                }
            }
        });
        return rows;
    }

    private static Map<String, String> fields(String schema, String table, int position, ReplayColumn c) {
        Map<String, String> f = new HashMap<>();
        f.put("TABLE_CATALOG", "def");
        f.put("TABLE_SCHEMA", schema);
        f.put("TABLE_NAME", table);
        f.put("COLUMN_NAME", c.name());
        f.put("ORDINAL_POSITION", Integer.toString(position));
        f.put("IS_NULLABLE", c.nullable() ? "YES" : "NO");
        f.put("DATA_TYPE", c.dataType());
        f.put("COLUMN_TYPE", c.columnType());
        f.put("COLUMN_KEY", c.key());
        f.put("COLLATION_NAME", c.collation());
        f.put("CHARACTER_SET_NAME", c.characterSet());
        f.put("DATETIME_PRECISION", c.datetimePrecision());
        f.put("COLUMN_COMMENT", "");
        f.put("EXTRA", "");
        f.put("ID", c.collation() == null ? null : COLLATION_IDS.get(c.collation()));
        return f;
    }
}
