package org.mysqlreplication.examples;

import org.mysqlreplication.client.BinLogStreamReader;
import org.mysqlreplication.client.BinLogStreamReaderConfig;
import org.mysqlreplication.event.BinlogEvent;

/**
 * python-mysql-replication's README example in Java: print every event of the server's current binlog.
 *
 * <pre>
 * from pymysqlreplication import BinLogStreamReader
 * mysql_settings = {'host': '127.0.0.1', 'port': 3306, 'user': 'root', 'passwd': ''}
 * stream = BinLogStreamReader(connection_settings = mysql_settings, server_id=100)
 * for binlogevent in stream:
 *     binlogevent.dump()
 * stream.close()
 * </pre>
 *
 * Arguments (all optional): host, port, user; the password is read from the environment variable
 * MYSQL_PASSWORD.
 */
public final class DumpExample {

    private DumpExample() {}

    public static void main(String[] args) {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 3306;
        String user = args.length > 2 ? args[2] : "root";
        String password = System.getenv().getOrDefault("MYSQL_PASSWORD", "");

        BinLogStreamReaderConfig settings = BinLogStreamReaderConfig.builder()
                .connection(host, port, user, password)
                .serverId(100)
                .build();

        try (BinLogStreamReader stream = new BinLogStreamReader(settings)) {
            for (BinlogEvent binlogEvent : stream) {
                System.out.print(binlogEvent.dump());
            }
        }
    }
}
