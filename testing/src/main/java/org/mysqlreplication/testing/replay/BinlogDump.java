package org.mysqlreplication.testing.replay;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * COM_BINLOG_DUMP and COM_BINLOG_DUMP_GTID as MySQL's {@code Binlog_sender} ({@code sql/rpl_binlog_sender.cc})
 * serves them from the files: before each file an artificial ROTATE naming it and the start position, the file's
 * FORMAT_DESCRIPTION (with log position 0 when the dump starts past it), the file's events from the start position,
 * then the next file from position 4. A GTID dump starts at the first file and leaves out each transaction whose
 * GTID, tagged or not, is in the client's set (from its GTID or GTID_TAGGED event to the next GTID, ANONYMOUS_GTID
 * or GTID_TAGGED event); it is refused (1236) when the first file's previous GTIDs, which the server no longer has,
 * are not all in the set. At the end of the last file a
 * non-blocking dump sends EOF; a blocking one waits, sending a HEARTBEAT every {@code @master_heartbeat_period}
 * nanoseconds if the client set one, until the client or the server closes. A client that did not set
 * {@code @master_binlog_checksum} to the files' CRC32 is refused (1236), as MySQL refuses it.
 * Faults ({@link ReplayFaults}) apply to the event packets. Not thread-safe: one per session.
 */
final class BinlogDump {

    static final int BINLOG_DUMP_NON_BLOCK = 1;
    private static final int ROTATE_EVENT = 4;
    private static final int HEARTBEAT_LOG_EVENT = 27;
    private static final int ARTIFICIAL = 0x20;
    /** LOG_EVENT_BINLOG_IN_USE_F: cleared in the FDE sent when the dump starts past it. */
    private static final int IN_USE = 0x01;

    private final ServerConfig config;
    private final ServerPackets packets;
    private final Socket socket;
    private final QueryAnswers session;
    private final BooleanSupplier serverClosed;
    private int eventsSent;
    private long bytesSent;

    BinlogDump(
            ServerConfig config,
            ServerPackets packets,
            Socket socket,
            QueryAnswers session,
            BooleanSupplier serverClosed) {
        this.config = config;
        this.packets = packets;
        this.socket = socket;
        this.session = session;
        this.serverClosed = serverClosed;
    }

    /** COM_BINLOG_DUMP: position (4), flags (2), server id (4), file name (to the end). */
    void byPosition(PayloadIn cmd) throws IOException {
        long position = cmd.intN(4);
        int flags = (int) cmd.intN(2);
        cmd.skip(4);
        String file = new String(cmd.rest(), java.nio.charset.StandardCharsets.UTF_8);
        int index = 0;
        if (!file.isEmpty()) {
            index = -1;
            for (int i = 0; i < config.binlogs().size(); i++) {
                index = config.binlogs().get(i).name().equals(file) ? i : index;
            }
        }
        if (index < 0) {
            fatal("Could not find first log file name in binary log index file");
        } else if (position > config.binlogs().get(index).bytes().length) {
            fatal("Client requested source to start replication from position > file size");
        } else if (checksumRefused()) {
            return;
        } else {
            serve(index, Math.max(position, ReplayBinlog.MAGIC_LENGTH), flags, null);
        }
    }

    /** COM_BINLOG_DUMP_GTID: flags (2), server id (4), name length (4), name, position (8), set length (4), set. */
    void byGtid(PayloadIn cmd) throws IOException {
        int flags = (int) cmd.intN(2);
        cmd.skip(4);
        cmd.skip((int) cmd.intN(4));
        cmd.skip(8);
        byte[] data = cmd.bytes((int) cmd.intN(4));
        ReplayGtidSet exclude = ReplayGtidSet.decode(data, 0, data.length);
        if (!config.binlogs().get(0).previousGtids().isSubsetOf(exclude)) {
            fatal("Cannot replicate because the source purged required binary logs. Replicate the missing"
                    + " transactions from elsewhere, or provision a new replica from backup. Consider increasing the"
                    + " source's binary log expiration period. The GTID set sent by the replica is '" + exclude
                    + "', and the missing transactions are in '"
                    + config.binlogs().get(0).previousGtids() + "'");
        } else if (!checksumRefused()) {
            serve(0, ReplayBinlog.MAGIC_LENGTH, flags, exclude);
        }
    }

    private boolean checksumRefused() throws IOException {
        String asked = session.userVariable("master_binlog_checksum");
        asked = asked != null ? asked : session.userVariable("source_binlog_checksum");
        if (config.checksummed() && (asked == null || !asked.equalsIgnoreCase("CRC32"))) {
            fatal("Replica can not handle replication events with the checksum that source is configured to log;"
                    + " the first event '" + config.binlogs().get(0).name() + "' at 4, the last event read from '"
                    + config.binlogs().get(0).name() + "' at 4, the last byte read from '"
                    + config.binlogs().get(0).name() + "' at 4.");
            return true;
        }
        return false;
    }

    private void serve(int firstFile, long firstPosition, int flags, ReplayGtidSet exclude) throws IOException {
        for (int f = firstFile; f < config.binlogs().size(); f++) {
            ReplayBinlog file = config.binlogs().get(f);
            long start = f == firstFile ? firstPosition : ReplayBinlog.MAGIC_LENGTH;
            if (!send(rotate(file.name(), start)) || !send(formatDescription(file, start))) {
                return;
            }
            boolean skipping = false;
            for (int at = (int) Math.max(start, file.fdeEnd()); at < file.bytes().length; at += file.eventSize(at)) {
                if (file.opensTransaction(at)) {
                    ReplayGtid gtid = file.gtidAt(at); // null for ANONYMOUS_GTID
                    skipping = exclude != null && gtid != null && exclude.contains(gtid.tsid(), gtid.gno());
                }
                if (!skipping && !send(Arrays.copyOfRange(file.bytes(), at, at + file.eventSize(at)))) {
                    return;
                }
            }
        }
        if ((flags & BINLOG_DUMP_NON_BLOCK) != 0) {
            packets.write(ServerReplies.eof());
        } else {
            waitBlocking();
        }
    }

    /** Sends one event packet with the faults; false when a fault dropped the connection. */
    private boolean send(byte[] event) throws IOException {
        ReplayFaults faults = config.faults();
        eventsSent++;
        if (eventsSent == faults.dropAtEvent()) {
            socket.close();
            return false;
        }
        if (eventsSent == faults.stallAtEvent()) {
            sleep(faults.stall().toMillis());
        }
        if (eventsSent == faults.flipAtEvent() && faults.flipOffset() < event.length) {
            event[faults.flipOffset()] ^= (byte) 0xFF;
        }
        byte[] payload = new byte[event.length + 1];
        System.arraycopy(event, 0, payload, 1, event.length);
        if (faults.dropAtByte() >= 0 && bytesSent + payload.length > faults.dropAtByte()) {
            byte[] cut = Arrays.copyOf(payload, (int) (faults.dropAtByte() - bytesSent));
            packets.writeTruncated(payload.length, cut);
            socket.close();
            return false;
        }
        bytesSent += payload.length;
        packets.write(payload);
        return true;
    }

    private void waitBlocking() throws IOException {
        String period = session.userVariable("master_heartbeat_period");
        period = period != null ? period : session.userVariable("source_heartbeat_period");
        long periodMillis = period == null ? 0 : Long.parseLong(period.split("\\.")[0]) / 1_000_000;
        ReplayBinlog last = config.binlogs().get(config.binlogs().size() - 1);
        long lastSent = System.nanoTime();
        socket.setSoTimeout(50);
        while (!serverClosed.getAsBoolean()) {
            try {
                if (socket.getInputStream().read() < 0) {
                    return; // the client closed
                }
            } catch (SocketTimeoutException e) {
                // nothing from the client, as expected during a dump
            }
            if (periodMillis > 0 && System.nanoTime() - lastSent >= periodMillis * 1_000_000) {
                packets.write(prefixed(heartbeat(last.name(), last.bytes().length)));
                lastSent = System.nanoTime();
            }
        }
    }

    private byte[] rotate(String name, long position) {
        byte[] body = new PayloadOut()
                .int64(position)
                .bytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toByteArray();
        return event(ROTATE_EVENT, 0, ARTIFICIAL, body);
    }

    private byte[] heartbeat(String name, long position) {
        return event(HEARTBEAT_LOG_EVENT, position, 0, name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An event made by the server: header (timestamp 0), body, and the CRC32 when the files have checksums. */
    private byte[] event(int type, long logPos, int flags, byte[] body) {
        int crc = config.checksummed() ? 4 : 0;
        byte[] e = new PayloadOut()
                .int32(0)
                .int8(type)
                .int32(config.serverId())
                .int32(ReplayBinlog.HEADER + body.length + crc)
                .int32(logPos)
                .int16(flags)
                .bytes(body)
                .toByteArray();
        return crc == 0
                ? e
                : new PayloadOut()
                        .bytes(e)
                        .int32(ReplayBinlog.crc32(e, 0, e.length))
                        .toByteArray();
    }

    /** The file's FDE; from past it, with log position 0 and the in-use flag cleared, its checksum made anew. */
    private static byte[] formatDescription(ReplayBinlog file, long start) {
        byte[] fde = Arrays.copyOfRange(file.bytes(), ReplayBinlog.MAGIC_LENGTH, file.fdeEnd());
        if (start > ReplayBinlog.MAGIC_LENGTH) {
            Arrays.fill(fde, 13, 17, (byte) 0);
            fde[17] &= ~IN_USE;
            if (file.checksummed()) {
                long crc = ReplayBinlog.crc32(fde, 0, fde.length - 4);
                for (int i = 0; i < 4; i++) {
                    fde[fde.length - 4 + i] = (byte) (crc >>> (8 * i));
                }
            }
        }
        return fde;
    }

    private static byte[] prefixed(byte[] event) {
        return new PayloadOut().int8(0).bytes(event).toByteArray();
    }

    private void fatal(String message) throws IOException {
        packets.write(ServerReplies.err(1236, "HY000", message));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
