package org.mysqlreplication.value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mysqlreplication.io.ByteReader;

/**
 * A minimal walker over the real binlog fixtures for the value tests: v4 files only (19-byte headers, starting
 * with a FORMAT_DESCRIPTION), events in file order, stopping at a truncated event or where encryption starts.
 * It does not open compressed transaction payloads. Left out: {@code ver_5_1-wl2325_*.001}, written by a
 * pre-release 5.2.2 development build whose TABLE_MAP does not have the released layout.
 */
final class FixtureBinlogs {

    static final Path FOLDER = Path.of("..", "..", "shared", "fixtures", "binlogs");

    /** One event: its type, the post-header length the file declares for it, its body (checksum included). */
    record Event(
            Path file,
            int offset,
            int type,
            int postHeader,
            ByteReader body,
            int checksumLength,
            String serverVersion) {
        String where() {
            return file + " @" + offset;
        }
    }

    interface Visitor {
        void event(Event e);
    }

    private FixtureBinlogs() {}

    static boolean present() {
        return Files.isDirectory(FOLDER);
    }

    static void forEachEvent(Visitor visitor) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(FOLDER)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().startsWith("ver_5_1-wl2325"))
                    .sorted()
                    .toList();
            for (Path file : files) {
                walk(file, Files.readAllBytes(file), visitor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void walk(Path file, byte[] f, Visitor visitor) {
        // FORMAT_DESCRIPTION body: binlog version 2, server version 50, timestamp 4, header length 1, then the
        // post-header length of each event type (index type - 1)
        int fde = 4 + 19;
        if (f.length < fde + 57 || (f[0] & 0xFF) != 0xFE || f[4 + 4] != 15 || (f[fde + 56] & 0xFF) != 19) {
            return;
        }
        int fdeSize = (int) ByteReader.of(f, 4 + 9, 4).readUint32();
        String version = new String(f, fde + 2, 50, StandardCharsets.US_ASCII).trim();
        int checksum = hasChecksumAlgorithm(version) && f[4 + fdeSize - 5] == 1 ? 4 : 0;
        int pos = 4;
        while (pos + 19 <= f.length) {
            ByteReader h = ByteReader.of(f, pos, 19);
            h.skip(4);
            int type = h.readUint8();
            h.skip(4);
            long size = h.readUint32();
            if (size < 19 || pos + size > f.length || type == 159 || type == 164) {
                return; // truncated, or encrypted from here on
            }
            int postHeader = fde + 57 + type - 1 < fde + fdeSize - 19 ? f[fde + 57 + type - 1] & 0xFF : 0;
            visitor.event(new Event(
                    file, pos, type, postHeader, ByteReader.of(f, pos + 19, (int) size - 19), checksum, version));
            pos += (int) size;
        }
    }

    /** Servers from MySQL 5.6.1 and MariaDB 5.3 end the FORMAT_DESCRIPTION with a checksum algorithm byte. */
    private static boolean hasChecksumAlgorithm(String version) {
        int[] v = version(version);
        if (version.contains("MariaDB")) {
            return v[0] > 5 || v[0] == 5 && v[1] >= 3;
        }
        return v[0] > 5 || v[0] == 5 && (v[1] > 6 || v[1] == 6 && v[2] >= 1);
    }

    /** Major, minor, patch of a server version string. */
    static int[] version(String version) {
        String[] p = version.split("[.-]");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2].replaceAll("\\D.*", ""))
        };
    }

    /** Reads a TABLE_MAP body up to and including the metadata block: table id, types and metadata. */
    record TableMap(long tableId, String table, ColumnType[] types, int[] meta, boolean hasMetadata) {
        static TableMap read(ByteReader in, int postHeader) {
            long id = in.readUintN(postHeader == 6 ? 4 : 6);
            in.skip(postHeader - (postHeader == 6 ? 4 : 6)); // flags
            in.skip(in.readUint8() + 1); // schema name + NUL
            String table = in.readString(in.readUint8(), StandardCharsets.UTF_8);
            in.skip(1); // NUL
            int n = (int) in.readLenencInt();
            ColumnType[] types = new ColumnType[n];
            for (int i = 0; i < n; i++) {
                int code = in.readUint8();
                types[i] = ColumnType.ofCode(code);
                if (types[i] == null) {
                    throw new AssertionError("unknown type code " + code);
                }
            }
            if (!in.hasRemaining()) {
                return new TableMap(id, table, types, new int[n], false); // servers before 5.1.x wrote no metadata
            }
            ByteReader block = in.slice(in.readLenencLength());
            int[] meta = ColumnMetadata.read(block, types);
            if (block.remaining() != 0) {
                throw new AssertionError(block.remaining() + " metadata byte(s) left over");
            }
            return new TableMap(id, table, types, meta, true);
        }
    }
}
