package org.mysqlreplication.client;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.io.OpenDescriptors;
import org.mysqlreplication.io.SpillFileClosedException;
import org.mysqlreplication.value.LargeValue;

/**
 * Run in a child JVM with a small heap by {@link LargeRowMemoryIT}: reads the rows of {@code big.t} over the
 * network ({@link BinLogStreamReader}, default settings but the spill directory) and from the binlog file on disk
 * ({@link BinlogFileReader}), and prints for each rows event {@code <source> event type=T} (its header's type code),
 * then for each row {@code <source> id=I note=N class=C length=L crc=R}, the CRC32
 * read through {@link LargeValue#openStream()} as the server's {@code CRC32(b)} computes it. Then, per source,
 * whether a large value read after {@code close()} fails as documented and how many spill files are still open
 * ({@code /proc/self/fd}), and last the sum of the heap pools' peak usage.
 *
 * <p>Arguments: host, port, user, binlog file path, spill directory.
 */
public final class LargeRowReaderMain {

    private LargeRowReaderMain() {}

    public static void main(String[] args) throws IOException {
        Path spillDir = Path.of(args[4]);
        BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                .connection(args[0], Integer.parseInt(args[1]), args[2], "")
                .serverId(901)
                .onlyEvents(WriteRowsEvent.class)
                .onlyTables("big.t")
                .spillDirectory(spillDir)
                .build();
        List<LargeValue> kept = new ArrayList<>();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            for (BinlogEvent e : stream) {
                System.out.println("network event type=" + e.header().typeCode());
                print("network", ((WriteRowsEvent) e).rows(), kept);
            }
        }
        afterClose("network", kept, spillDir);

        kept.clear();
        try (BinlogFileReader file =
                new BinlogFileReader(Path.of(args[3]), new DecodeContext(UnknownEventPolicy.DELIVER), spillDir)) {
            for (BinlogEvent e : file) {
                if (e instanceof WriteRowsEvent w && w.table().table().equals("t")) {
                    System.out.println("file event type=" + e.header().typeCode());
                    print("file", w.rows(), kept);
                }
            }
        }
        afterClose("file", kept, spillDir);

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(
                "peakHeap=" + peak + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }

    private static void print(String source, List<Row> rows, List<LargeValue> kept) throws IOException {
        for (Row row : rows) {
            Object b = row.get(1); // by index: the file alone has no column names
            long length;
            CRC32 crc = new CRC32();
            if (b instanceof LargeValue v) {
                kept.add(v);
                length = v.length();
                byte[] buf = new byte[64 * 1024];
                try (InputStream in = v.openStream()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        crc.update(buf, 0, n);
                    }
                }
            } else {
                length = ((byte[]) b).length;
                crc.update((byte[]) b);
            }
            Object note = row.get(2); // from the file alone the charset is not known: its bytes
            String noteText = note instanceof org.mysqlreplication.value.UndecodedText u
                    ? new String(u.bytes(), java.nio.charset.StandardCharsets.UTF_8)
                    : String.valueOf(note);
            System.out.println(source + " id=" + row.get(0) + " note=" + noteText + " class="
                    + b.getClass().getSimpleName() + " length=" + length + " crc=" + crc.getValue());
        }
    }

    private static void afterClose(String source, List<LargeValue> kept, Path spillDir) throws IOException {
        String read;
        try {
            kept.get(0).openStream().read();
            read = "readable";
        } catch (SpillFileClosedException e) {
            read = "SpillFileClosedException";
        }
        System.out.println(source + " afterClose=" + read + " openSpillFiles=" + OpenDescriptors.under(spillDir));
    }
}
