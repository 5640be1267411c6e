package org.mysqlreplication.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.testing.LocalMariaDb;

class DumpExampleIT {

    @Test
    void printsTheInsertedRow() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            db.execute(
                    "CREATE DATABASE test",
                    "CREATE TABLE test.t (id INT PRIMARY KEY, name VARCHAR(10))",
                    "INSERT INTO test.t VALUES (42, 'example')");
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            DumpExample.main(new String[] {db.host(), String.valueOf(db.port()), db.user()});
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("=== WriteRowsEvent ===", "Table: test.t\n", "* id : 42\n* name : example\n");
    }
}
