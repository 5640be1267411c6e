package org.mysqlreplication.client;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;

/**
 * Run in a child JVM with a small heap by {@link LargeTransactionMemoryIT}: reads a server's binlog to the end and
 * prints {@code rows=N idsum=S crcsum=C bytes=B}, where C adds up the CRC32 of every {@code payload} value, as the
 * server's {@code SUM(CRC32(payload))} does.
 */
public final class CountingReaderMain {

    private CountingReaderMain() {}

    public static void main(String[] args) {
        BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                .connection(args[0], Integer.parseInt(args[1]), args[2], "")
                .serverId(900)
                .onlyEvents(WriteRowsEvent.class)
                .build();
        long rows = 0;
        long idSum = 0;
        long crcSum = 0;
        long bytes = 0;
        CRC32 crc = new CRC32();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            for (BinlogEvent e : stream) {
                for (Row row : ((WriteRowsEvent) e).rows()) {
                    rows++;
                    idSum += ((Number) row.get("id")).longValue();
                    byte[] payload = ((String) row.get("payload")).getBytes(StandardCharsets.UTF_8);
                    crc.reset();
                    crc.update(payload);
                    crcSum += crc.getValue();
                    bytes += payload.length;
                }
            }
        }
        System.out.println("rows=" + rows + " idsum=" + idSum + " crcsum=" + crcSum + " bytes=" + bytes);
    }
}
