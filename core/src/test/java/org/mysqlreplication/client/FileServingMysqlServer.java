package org.mysqlreplication.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.gtid.MysqlGtidSet;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.PayloadWriter;

/**
 * A stand-in MySQL 8 source on loopback that serves one binlog file from disk, for the network path of events that
 * no local server writes (MySQL's TRANSACTION_PAYLOAD: the machine has only MariaDB). It speaks just what
 * {@link BinLogStreamReader} asks, the way MySQL answers it (Protocol::HandshakeV10 with mysql_native_password,
 * accepting any password; text result sets with EOF packets; COM_REGISTER_SLAVE; COM_BINLOG_DUMP): a
 * {@code SELECT @@global.binlog_checksum} gets CRC32, other SELECTs an empty result (so information_schema knows no
 * table), anything else OK. The dump sends an artificial ROTATE, the file's FORMAT_DESCRIPTION (with log position
 * 0 when the dump starts past it, as MySQL's Binlog_sender does), the file's events from the requested position, and
 * EOF. A COM_BINLOG_DUMP_GTID is recorded ({@link #lastGtidDump}) and serves the file without the transactions
 * (GTID event up to the next GTID event or the file's end) whose GTID is in the requested set, as a MySQL server
 * does; the set is read from the command's {@code Gtid_set::encode} bytes, untagged or tagged.
 */
final class FileServingMysqlServer implements AutoCloseable {

    private static final int CAPABILITIES = 1 | 4 | 1 << 9 | 1 << 13 | 1 << 15 | 1 << 17 | 1 << 19 | 1 << 21;

    private final byte[] binlog;
    private final String fileName;
    private final ServerSocket listener;
    private final Thread acceptor;
    /** The payload of the last COM_BINLOG_DUMP_GTID after its command byte, or null. */
    volatile byte[] lastGtidDump;

    FileServingMysqlServer(byte[] binlog, String fileName) {
        this.binlog = binlog.clone();
        this.fileName = fileName;
        try {
            listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "file-serving-mysql");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread t = new Thread(() -> serve(s), "file-serving-mysql-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            PacketChannel ch = new PacketChannel(socket.getInputStream(), socket.getOutputStream(), "client");
            ch.writePacket(handshake());
            ch.readPacket();
            ch.writePacket(ok());
            while (true) {
                ch.resetSequence();
                ByteReader command = ch.readPacket();
                int code = command.readUint8();
                if (code == 0x03) {
                    query(ch, command.readRemainingString(StandardCharsets.UTF_8));
                } else if (code == 0x12) {
                    long position = command.readUint32();
                    dump(ch, position);
                    return;
                } else if (code == 0x1e) {
                    lastGtidDump = command.readBytes(command.remaining());
                    dump(ch, 4, requestedSet(lastGtidDump));
                    return;
                } else if (code == 0x01) {
                    return; // COM_QUIT
                } else {
                    ch.writePacket(ok());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    private static byte[] handshake() {
        byte[] scramble = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        return new PayloadWriter()
                .int8(10)
                .nulString("8.0.31")
                .int32(7)
                .bytes(Arrays.copyOf(scramble, 8))
                .int8(0)
                .int16(CAPABILITIES & 0xFFFF)
                .int8(255)
                .int16(2)
                .int16(CAPABILITIES >>> 16)
                .int8(21)
                .zeros(10)
                .bytes(Arrays.copyOfRange(scramble, 8, 20))
                .int8(0)
                .nulString("mysql_native_password")
                .toByteArray();
    }

    private static byte[] ok() {
        return new PayloadWriter().int8(0).int8(0).int8(0).int16(2).int16(0).toByteArray();
    }

    private static byte[] eof() {
        return new PayloadWriter().int8(0xFE).int16(0).int16(2).toByteArray();
    }

    private static void query(PacketChannel ch, String sql) {
        if (!sql.regionMatches(true, 0, "SELECT", 0, 6)) {
            ch.writePacket(ok());
            return;
        }
        ch.writePacket(new PayloadWriter().lenencInt(1).toByteArray());
        ch.writePacket(new PayloadWriter()
                .lenencBytes(bytes("def"))
                .lenencBytes(bytes(""))
                .lenencBytes(bytes(""))
                .lenencBytes(bytes(""))
                .lenencBytes(bytes("v"))
                .lenencBytes(bytes(""))
                .int8(0x0C)
                .int16(33)
                .int32(64)
                .int8(253)
                .int16(0)
                .int8(0)
                .int16(0)
                .toByteArray());
        ch.writePacket(eof());
        if (sql.contains("binlog_checksum")) {
            ch.writePacket(new PayloadWriter().lenencBytes(bytes("CRC32")).toByteArray());
        }
        ch.writePacket(eof());
    }

    /** The GTID set of a COM_BINLOG_DUMP_GTID payload (after the command byte), per rpl_gtid_set.cc's layout. */
    private static MysqlGtidSet requestedSet(byte[] payload) {
        ByteReader r = ByteReader.of(payload);
        r.skip(2 + 4);
        r.skip(r.readInt32());
        r.skip(8);
        r.readInt32(); // data size
        long word = r.readInt64();
        boolean tagged = (word >>> 56) == 1;
        long count = tagged ? (word >>> 8) & 0xFFFF_FFFF_FFFFL : word;
        Map<MysqlGtidSet.Tsid, List<MysqlGtidSet.Interval>> map = new HashMap<>();
        for (long i = 0; i < count; i++) {
            UUID uuid = new UUID(r.readUintBE(8), r.readUintBE(8));
            String tag = tagged ? r.readString(r.readUint8() >>> 1, StandardCharsets.US_ASCII) : "";
            long n = r.readInt64();
            List<MysqlGtidSet.Interval> list = new ArrayList<>();
            for (long k = 0; k < n; k++) {
                list.add(new MysqlGtidSet.Interval(r.readInt64(), r.readInt64() - 1));
            }
            map.put(new MysqlGtidSet.Tsid(uuid, tag), list);
        }
        return new MysqlGtidSet(map);
    }

    private void dump(PacketChannel ch, long position) {
        dump(ch, position, MysqlGtidSet.empty());
    }

    private void dump(PacketChannel ch, long position, MysqlGtidSet skip) {
        Map<Long, GtidEvent> gtidAt = new HashMap<>();
        if (!skip.isEmpty()) {
            try {
                Path copy = Files.createTempFile("served", ".binlog");
                try (BinlogFileReader r = new BinlogFileReader(Files.write(copy, binlog))) {
                    for (BinlogEvent e : r) {
                        if (e instanceof GtidEvent g) {
                            gtidAt.put(g.header().logPos() - g.header().eventSize(), g);
                        }
                    }
                } finally {
                    Files.delete(copy);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean skipping = false;
        byte[] rotateBody =
                new PayloadWriter().int32(4).int32(0).bytes(bytes(fileName)).toByteArray();
        ch.writePacket(event(new PayloadWriter()
                .int32(0)
                .int8(4)
                .int32(1)
                .int32(19 + rotateBody.length + 4)
                .int32(0)
                .int16(0x20)
                .bytes(rotateBody)
                .toByteArray()));
        int fdeSize = (int) ByteReader.of(binlog, 4 + 9, 4).readUint32();
        byte[] fde = Arrays.copyOfRange(binlog, 4, 4 + fdeSize);
        if (position > 4) {
            Arrays.fill(fde, 13, 17, (byte) 0);
            fde[17] &= ~1; // LOG_EVENT_BINLOG_IN_USE_F, which the checksum of an FDE leaves out
            ch.writePacket(event(Arrays.copyOf(fde, fde.length - 4)));
        } else {
            ch.writePacket(prefixed(fde));
        }
        for (int at = (int) Math.max(position, 4 + fdeSize); at < binlog.length; ) {
            int size = (int) ByteReader.of(binlog, at + 9, 4).readUint32();
            GtidEvent g = gtidAt.get((long) at);
            if (g != null) {
                skipping = skip.contains(new MysqlGtidSet.Tsid(g.sourceId(), g.tag()), g.gno());
            }
            if (!skipping) {
                ch.writePacket(prefixed(Arrays.copyOfRange(binlog, at, at + size)));
            }
            at += size;
        }
        ch.writePacket(eof());
    }

    /** An event without its checksum: the OK byte, the event and its CRC32. */
    private static byte[] event(byte[] withoutChecksum) {
        CRC32 crc = new CRC32();
        crc.update(withoutChecksum);
        return new PayloadWriter()
                .int8(0)
                .bytes(withoutChecksum)
                .int32(crc.getValue())
                .toByteArray();
    }

    private static byte[] prefixed(byte[] event) {
        return new PayloadWriter().int8(0).bytes(event).toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
