package org.mysqlreplication.client;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.io.OpenDescriptors;
import org.mysqlreplication.value.LargeValue;
import org.mysqlreplication.value.UndecodedText;

/**
 * Run in a child JVM with a small heap by {@link TransactionPayloadMemoryIT}: reads a binlog over the network from
 * the test's {@code MysqlReplayServer} ({@link BinLogStreamReader}, default settings but the spill directory) and
 * from the file ({@link BinlogFileReader}), and prints per source and transaction (from one GTID event to the
 * next): {@code <source> tx=N big id=I note=N class=C length=L crc=R} for each row of {@code big.t} (the CRC32 read
 * through {@link LargeValue#openStream()}), {@code <source> tx=N end=P} with the reader's position after the XID,
 * and {@code <source> tx=N events={...} rows=R digest=D}: how many events of each class, how many rows, and a CRC32
 * over every row's table and values (a large value by its length and CRC32). Then per source how many spill files
 * are still open after {@code close()}, and last the most heap in use after a full collection at the big row and at
 * every 5,000th row (what the reader held inside a transaction: the bound) and the sum of the heap pools' peak usage
 * (garbage included, however lazily the collector runs).
 *
 * <p>Arguments: port of the replay server (user {@code repl}, password {@code secret}), binlog name, binlog file
 * path, spill directory.
 */
public final class TransactionPayloadReaderMain {

    private TransactionPayloadReaderMain() {}

    /** One transaction's events, summed up as they go by. */
    private static final class Summary {
        private final String source;
        private final int tx;
        private final Map<String, Integer> events = new TreeMap<>();
        private final CRC32 digest = new CRC32();
        private long rows;

        Summary(String source, int tx) {
            this.source = source;
            this.tx = tx;
        }

        void add(BinlogEvent e, LongSupplier position) throws IOException {
            events.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            if (e instanceof WriteRowsEvent w) {
                String table = w.table().database() + "." + w.table().table();
                for (Row r : w.rows()) {
                    if (++rows % 5_000 == 0) {
                        sample();
                    }
                    StringBuilder values = new StringBuilder(table);
                    for (int i = 0; i < w.table().columns().size(); i++) {
                        values.append('|').append(text(r.get(i)));
                    }
                    digest.update(values.toString().getBytes(StandardCharsets.UTF_8));
                    if (table.equals("big.t")) {
                        sample();
                        Object b = r.get(1);
                        System.out.println(source + " tx=" + tx + " big id=" + r.get(0) + " note=" + text(r.get(2))
                                + " class=" + b.getClass().getSimpleName() + " " + text(b).replace(':', ' '));
                    }
                }
            } else if (e instanceof XidEvent) {
                System.out.println(source + " tx=" + tx + " end=" + position.getAsLong());
            }
        }

        void print() {
            System.out.println(
                    source + " tx=" + tx + " events=" + events + " rows=" + rows + " digest=" + digest.getValue());
        }
    }

    /** A value as text: a large value or bytes by length and CRC32, undecoded text by its bytes. */
    private static String text(Object v) throws IOException {
        if (v instanceof LargeValue l) {
            CRC32 crc = new CRC32();
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = l.openStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    crc.update(buf, 0, n);
                }
            }
            return "length=" + l.length() + ":crc=" + crc.getValue();
        }
        if (v instanceof byte[] b) {
            CRC32 crc = new CRC32();
            crc.update(b);
            return "length=" + b.length + ":crc=" + crc.getValue();
        }
        if (v instanceof UndecodedText u) {
            return new String(u.bytes(), StandardCharsets.UTF_8);
        }
        return String.valueOf(v);
    }

    /** The most heap found in use after a full collection inside a transaction: what the reader held there. */
    private static long live;

    /** Collects, then records the heap in use: the events handed out, the one read ahead, the reader's state. */
    private static void sample() {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        live = Math.max(live, heap.getUsed());
    }

    public static void main(String[] args) throws IOException {
        Path spillDir = Path.of(args[3]);
        BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                .connection("127.0.0.1", Integer.parseInt(args[0]), "repl", "secret")
                .serverId(902)
                .startAt(args[1], 4)
                .spillDirectory(spillDir)
                .build();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            read("network", stream, () -> stream.position().position());
        }
        System.out.println("network openSpillFiles=" + OpenDescriptors.under(spillDir));
        try (BinlogFileReader file =
                new BinlogFileReader(Path.of(args[2]), new DecodeContext(UnknownEventPolicy.DELIVER), spillDir)) {
            read("file", file, () -> file.position().position());
        }
        System.out.println("file openSpillFiles=" + OpenDescriptors.under(spillDir));

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("liveHeap=" + live + " peakHeap=" + peak + " maxHeap="
                + Runtime.getRuntime().maxMemory());
    }

    private static void read(String source, Iterable<BinlogEvent> events, LongSupplier position) throws IOException {
        Summary s = null;
        int tx = 0;
        for (BinlogEvent e : events) {
            if (e instanceof GtidEvent) {
                if (s != null) {
                    s.print();
                }
                s = new Summary(source, ++tx);
            }
            if (s != null) {
                s.add(e, position);
            }
        }
        if (s != null) {
            s.print();
        }
    }
}
