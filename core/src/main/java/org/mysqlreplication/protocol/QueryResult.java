package org.mysqlreplication.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A text result set as {@code COM_QUERY} returns it: column names and rows of strings, {@code null} for SQL
 * NULL (values in the text protocol, decoded as UTF-8). A statement that returns no rows has no columns.
 * {@code toString()} shows the columns and the row count, not the values.
 *
 * <p>Immutable and thread-safe.
 */
public record QueryResult(List<String> columnNames, List<List<String>> rows) {

    public QueryResult {
        columnNames = List.copyOf(columnNames);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != columnNames.size()) {
                throw new IllegalArgumentException(
                        "row of " + row.size() + " values for " + columnNames.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** The value in the first column of the first row: handy for {@code SELECT @@x}; null if there is none. */
    public String firstValue() {
        return rows.isEmpty() || columnNames.isEmpty() ? null : rows.get(0).get(0);
    }

    @Override
    public String toString() {
        return "QueryResult[columns=" + columnNames + ", rows=" + rows.size() + "]";
    }
}
