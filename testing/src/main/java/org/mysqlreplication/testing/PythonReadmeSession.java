package org.mysqlreplication.testing;

import java.util.List;

/**
 * The SQL session of python-mysql-replication's README, which the demo runs and the integration tests read
 * back: a table {@code test.test4} gets one row {@code (1, 'Hello', 'World')}, which is updated to
 * {@code (1, 'World', 'Hello')} and deleted.
 */
public final class PythonReadmeSession {

    /** The statements in order, for {@link LocalMariaDb#execute(String...)}. */
    public static final List<String> STATEMENTS = List.of(
            "CREATE DATABASE test",
            "use test",
            "CREATE TABLE test4 (id int NOT NULL AUTO_INCREMENT, data VARCHAR(255), data2 VARCHAR(255),"
                    + " PRIMARY KEY(id))",
            "INSERT INTO test4 (data,data2) VALUES (\"Hello\", \"World\")",
            "UPDATE test4 SET data = \"World\", data2=\"Hello\" WHERE id = 1",
            "DELETE FROM test4 WHERE id = 1");

    private PythonReadmeSession() {}

    /** Runs the session on {@code db}. */
    public static void runOn(LocalMariaDb db) {
        db.execute(STATEMENTS.toArray(String[]::new));
    }
}
