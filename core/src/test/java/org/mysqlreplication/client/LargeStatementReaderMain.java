package org.mysqlreplication.client;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.MariadbAnnotateRowsEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.value.LargeValue;

/**
 * Run in a child JVM with a small heap by {@link LargeStatementMemoryIT}: reads the binlog over the network and from
 * the file, and prints for each statement event larger than a mebibyte {@code <source> <Type> truncated=T
 * length=L start=S} (S: the first 20 characters), for each rows event of {@code big.s} the class and length of its
 * value, and last the heap pools' peak usage.
 *
 * <p>Arguments: host, port, user, binlog file path, spill directory.
 */
public final class LargeStatementReaderMain {

    private LargeStatementReaderMain() {}

    public static void main(String[] args) {
        Path spillDir = Path.of(args[4]);
        BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                .connection(args[0], Integer.parseInt(args[1]), args[2], "")
                .serverId(902)
                .onlyEvents(MariadbAnnotateRowsEvent.class, QueryEvent.class, WriteRowsEvent.class)
                .annotateRowsEvent(true)
                .spillDirectory(spillDir)
                .build();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            for (BinlogEvent e : stream) {
                print("network", e);
            }
        }
        try (BinlogFileReader file =
                new BinlogFileReader(Path.of(args[3]), new DecodeContext(UnknownEventPolicy.DELIVER), spillDir)) {
            for (BinlogEvent e : file) {
                print("file", e);
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(
                "peakHeap=" + peak + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }

    private static void print(String source, BinlogEvent e) {
        if (e instanceof MariadbAnnotateRowsEvent a && a.sqlStatement().length() > 1 << 20) {
            System.out.println(source + " annotate truncated=" + a.truncated() + " length=" + a.statementLength()
                    + " start=" + a.sqlStatement().substring(0, 20));
        } else if (e instanceof QueryEvent q && q.query().length() > 1 << 20) {
            System.out.println(source + " query truncated=" + q.truncated() + " length=" + q.queryLength() + " start="
                    + q.query().substring(0, 20));
        } else if (e instanceof WriteRowsEvent w && w.table().table().equals("s")) {
            Object v = w.rows().get(0).get(1);
            long length = v instanceof LargeValue l ? l.length() : v instanceof String s ? s.length() : -1;
            System.out.println(source + " rows class=" + v.getClass().getSimpleName() + " length=" + length);
        }
    }
}
