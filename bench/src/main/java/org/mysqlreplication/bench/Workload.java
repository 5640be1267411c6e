package org.mysqlreplication.bench;

import java.util.ArrayList;
import java.util.List;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.protocol.ServerConnection;

/**
 * The benchmark's workload: one table of 11 columns, filled server-side with MariaDB's sequence engine
 * ({@code INSERT ... SELECT ... FROM seq_1_to_1000}, one transaction per statement), then updates of
 * {@code rows / 5} and deletes of {@code rows / 10} rows by key ranges, {@value #ROWS_PER_TRANSACTION} rows per
 * transaction.
 *
 * <p>Column values are functions of the key {@code k}, so every reader must see the same values:
 * <pre>
 *  0 id       BIGINT PRIMARY KEY          k
 *  1 qty      INT                          k mod 100000 - 50000
 *  2 name     VARCHAR(64) latin1           'name-' k (ASCII)
 *  3 title    VARCHAR(255) utf8mb4         'títle ✓ 😀 ' k ' …' (2-, 3- and 4-byte UTF-8)
 *  4 price    DECIMAL(12,2)                k * 1.37, negative for odd k
 *  5 created  DATETIME(6)                  2020-01-01 + k seconds + (k*7 mod 10^6) µs
 *  6 updated  TIMESTAMP                    2021-01-01 + k minutes (UTC)
 *  7 ratio    DOUBLE                       k / 7
 *  8 body     TEXT utf8mb4                 ~200 bytes
 *  9 doc      JSON                         {"k": k, "tag": "t" k mod 10, "ok": true}
 * 10 flags    INT                          k mod 7
 * </pre>
 *
 * <p>Not thread-safe; stateless apart from its settings.
 */
public final class Workload {

    /** Rows per INSERT/UPDATE/DELETE statement, each its own transaction. */
    public static final int ROWS_PER_TRANSACTION = 1000;

    public static final String DATABASE = "bench";
    public static final String TABLE = "t";
    /** Number of columns of the table. */
    public static final int COLUMNS = 11;

    private final int rows;

    public Workload(int rows) {
        if (rows < ROWS_PER_TRANSACTION || rows % ROWS_PER_TRANSACTION != 0) {
            throw new IllegalArgumentException(
                    "rows must be a positive multiple of " + ROWS_PER_TRANSACTION + ", found " + rows);
        }
        this.rows = rows;
    }

    public int rows() {
        return rows;
    }

    public int updatedRows() {
        return rows / 5;
    }

    public int deletedRows() {
        return rows / 10;
    }

    /** Row images a reader counts: one per inserted, updated (before+after counted once) and deleted row. */
    public long expectedRowCount() {
        return (long) rows + updatedRows() + deletedRows();
    }

    /** The DDL. */
    public static List<String> schema() {
        return List.of(
                "CREATE DATABASE " + DATABASE,
                "CREATE TABLE " + DATABASE + "." + TABLE + " ("
                        + "id BIGINT NOT NULL PRIMARY KEY, qty INT, "
                        + "name VARCHAR(64) CHARACTER SET latin1, "
                        + "title VARCHAR(255) CHARACTER SET utf8mb4, "
                        + "price DECIMAL(12,2), created DATETIME(6), updated TIMESTAMP NULL, ratio DOUBLE, "
                        + "body TEXT CHARACTER SET utf8mb4, doc JSON, flags INT"
                        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    /** The statements in order: the inserts, then the updates, then the deletes. */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < rows; from += ROWS_PER_TRANSACTION) {
            out.add("INSERT INTO " + DATABASE + "." + TABLE + " SELECT k, k % 100000 - 50000, "
                    + "CONCAT('name-', k), "
                    + "CONCAT('títle ✓ 😀 ', k, ' …'), "
                    + "IF(k % 2 = 1, -1, 1) * (k * 137 % 100000000000) / 100, "
                    + "TIMESTAMP('2020-01-01') + INTERVAL k SECOND + INTERVAL (k * 7 % 1000000) MICROSECOND, "
                    + "TIMESTAMP('2021-01-01') + INTERVAL k MINUTE, "
                    + "k / 7e0, "
                    + "CONCAT(REPEAT('lorem ipsum dolor sit amet ', 7), k), "
                    + "JSON_OBJECT('k', k, 'tag', CONCAT('t', k % 10), 'ok', true), "
                    + "k % 7 "
                    + "FROM (SELECT CAST(seq AS SIGNED) + " + from + " AS k FROM seq_1_to_" + ROWS_PER_TRANSACTION
                    + ") s");
        }
        for (int from = 1; from <= updatedRows(); from += ROWS_PER_TRANSACTION) {
            out.add("UPDATE " + DATABASE + "." + TABLE + " SET qty = qty + 1, ratio = ratio * 2, "
                    + "title = CONCAT(title, '!'), created = created + INTERVAL 1 DAY "
                    + "WHERE id BETWEEN " + from + " AND " + Math.min(updatedRows(), from + ROWS_PER_TRANSACTION - 1));
        }
        int firstDeleted = rows - deletedRows() + 1;
        for (int from = firstDeleted; from <= rows; from += ROWS_PER_TRANSACTION) {
            out.add("DELETE FROM " + DATABASE + "." + TABLE + " WHERE id BETWEEN " + from + " AND "
                    + Math.min(rows, from + ROWS_PER_TRANSACTION - 1));
        }
        return out;
    }

    /** Creates the table and runs the workload over one connection (no per-statement timeout). */
    public void run(ConnectionSettings settings) {
        try (ServerConnection c = ServerConnection.open(settings)) {
            c.execute("SET NAMES utf8mb4");
            c.execute("SET time_zone = '+00:00'");
            for (String s : schema()) {
                c.execute(s);
            }
            c.execute("USE " + DATABASE); // the sequence engine's seq_1_to_N tables live in the current database
            for (String s : statements()) {
                c.execute(s);
            }
        }
    }
}
