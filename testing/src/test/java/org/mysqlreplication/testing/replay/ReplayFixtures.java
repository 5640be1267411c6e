package org.mysqlreplication.testing.replay;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The fixture binlogs the replay server tests serve. */
final class ReplayFixtures {

    /** MySQL 8.0.31, CRC32, GTIDs 76f3e7be-6720-11ed-9cad-0242ac110002:11-12 after PREVIOUS_GTIDS :1-10. */
    static final String MYSQL_80_PAYLOAD =
            "apecloud-mysql-binlog-connector-rust/tests/parse_file_tests/mysql-bin.000057";

    private ReplayFixtures() {}

    /** The fixture at {@code relative}; skips the test when it is absent. */
    static Path file(String relative) {
        Path p = Path.of("..", "..", "shared", "fixtures", "binlogs").resolve(relative);
        assumeTrue(Files.isRegularFile(p), "fixture " + p.toAbsolutePath() + " is absent");
        return p;
    }
}
