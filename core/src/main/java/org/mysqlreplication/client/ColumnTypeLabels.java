package org.mysqlreplication.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the labels out of an {@code information_schema.COLUMNS.COLUMN_TYPE} such as
 * {@code enum('a','it''s')} or {@code set('x','y')}: quoted, comma-separated, a quote inside a label doubled.
 */
final class ColumnTypeLabels {

    private ColumnTypeLabels() {
    }

    /** The labels of an {@code enum(...)} or {@code set(...)} column type; empty for any other type. */
    static List<String> parse(String columnType) {
        int open = columnType.indexOf('(');
        String kind = open < 0 ? "" : columnType.substring(0, open).trim().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("enum") && !kind.equals("set")) {
            return List.of();
        }
        List<String> labels = new ArrayList<>();
        int i = open + 1;
        while (i < columnType.length() && columnType.charAt(i) == '\'') {
            StringBuilder label = new StringBuilder();
            i++;
            while (i < columnType.length()) {
                char c = columnType.charAt(i);
                if (c == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                    label.append('\'');
                    i += 2;
                } else if (c == '\'') {
                    i++;
                    break;
                } else {
                    label.append(c);
                    i++;
                }
            }
            labels.add(label.toString());
            if (i < columnType.length() && columnType.charAt(i) == ',') {
                i++;
            }
        }
        return List.copyOf(labels);
    }
}
