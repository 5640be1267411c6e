package org.mysqlreplication.bench;

import java.time.Duration;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.protocol.ServerConnection;

/**
 * The wire's limit: logs in, asks for a non-blocking binlog dump of the same events our reader gets by default
 * (without MariaDB's ANNOTATE_ROWS, which neither library asks for unless told) and reads the event packets without
 * decoding them, counting packets and bytes. Stateless.
 */
public final class RawPacketReader {

    private RawPacketReader() {}

    public static ReadResult read(Target t) {
        ConnectionSettings settings = ConnectionSettings.builder()
                .host(t.host())
                .port(t.port())
                .user(t.user())
                .password(t.password())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        long events = 0;
        long bytes = 0;
        try (ServerConnection c = ServerConnection.open(settings)) {
            c.execute("SET @master_binlog_checksum = @@global.binlog_checksum");
            c.execute("SET @mariadb_slave_capability = 4");
            // the same stream BinLogStreamReader asks MariaDB for by default: no ANNOTATE_ROWS events
            c.requestBinlogDump(t.startFile(), 4, t.serverId(), ServerConnection.BINLOG_DUMP_NON_BLOCK);
            ByteReader p;
            while ((p = c.readEventPacket()) != null) {
                events++;
                bytes += p.remaining();
            }
        }
        return new ReadResult(0, events, bytes, 0, 0);
    }
}
