package org.mysqlreplication.bench;

import java.time.Duration;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.protocol.ServerConnection;

/**
 * The account Maxwell and Debezium log in with: their binlog clients need a non-empty password, and the bench
 * server's root has none. Created (and Maxwell's state database dropped) over our own protocol client with
 * {@code sql_log_bin=0}, so that the binlog the other readers stream stays the workload's alone. Stateless.
 */
public final class CdcUser {

    static final String USER = "bench_cdc";
    static final String PASSWORD = "bench-cdc";

    private CdcUser() {}

    /** Creates the account if needed, runs {@code statements} unlogged, and returns the target as that account. */
    public static Target prepare(Target root, String... statements) {
        ConnectionSettings settings = ConnectionSettings.builder()
                .host(root.host())
                .port(root.port())
                .user(root.user())
                .password(root.password())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        try (ServerConnection c = ServerConnection.open(settings)) {
            c.execute("SET sql_log_bin = 0");
            for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                String account = "'" + USER + "'@'" + host + "'";
                c.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + PASSWORD + "'");
                c.execute("GRANT ALL PRIVILEGES ON *.* TO " + account);
            }
            for (String s : statements) {
                c.execute(s);
            }
        }
        return new Target(
                root.host(),
                root.port(),
                USER,
                PASSWORD,
                root.serverId(),
                root.startFile(),
                root.endFile(),
                root.endPosition(),
                root.files());
    }
}
