package org.mysqlreplication.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.UserVarEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.value.LargeValue;

/**
 * Run in a child JVM with a small heap by {@link UserVarMemoryIT}: reads the binlog over the network and from the
 * file, and prints for each USER_VAR event {@code <source> uservar name=N class=C charset=S length=L md5=M} (the
 * MD5 of its value, streamed from the LargeValue), then {@code <source> dump marker=B short=B}: whether its dump
 * has the truncation marker with the length, and is under a kibibyte.
 *
 * <p>Arguments: host, port, user, binlog file path, spill directory.
 */
public final class UserVarReaderMain {

    private UserVarReaderMain() {}

    public static void main(String[] args) throws Exception {
        Path spillDir = Path.of(args[4]);
        BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                .connection(args[0], Integer.parseInt(args[1]), args[2], "")
                .serverId(903)
                .onlyEvents(UserVarEvent.class)
                .spillDirectory(spillDir)
                .build();
        try (BinLogStreamReader stream = new BinLogStreamReader(config)) {
            for (BinlogEvent e : stream) {
                print("network", (UserVarEvent) e);
            }
        }
        try (BinlogFileReader file =
                new BinlogFileReader(Path.of(args[3]), new DecodeContext(UnknownEventPolicy.DELIVER), spillDir)) {
            for (BinlogEvent e : file) {
                if (e instanceof UserVarEvent u) {
                    print("file", u);
                }
            }
        }
    }

    private static void print(String source, UserVarEvent e) throws NoSuchAlgorithmException {
        Object v = e.decodedValue();
        LargeValue l = e.largeValue();
        String charset = l == null || l.charset() == null ? "none" : l.charset().name();
        String md5 = l == null ? "-" : md5(l);
        System.out.println(source + " uservar name=" + e.name() + " class="
                + v.getClass().getSimpleName() + " charset=" + charset + " length=" + e.valueLength() + " md5=" + md5);
        String dump = e.dump();
        System.out.println(source + " dump marker=" + dump.contains("(truncated: " + e.valueLength() + " bytes in all)")
                + " short=" + (dump.length() < 1024));
    }

    private static String md5(LargeValue l) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = l.openStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
