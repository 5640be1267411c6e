package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * MySQL 8.3+ GTID_TAGGED_LOG_EVENT: the fields of a GTID event written by the serialization framework
 * ({@code Gtid_event::define_fields} in libs/mysql/binlog/event/control_events.h, read by
 * {@code Gtid_event::read_gtid_tagged_log_event} in control_events.cpp). The message is the format version, the
 * message size in bytes (counted from its first byte), the last non-ignorable field id plus one, then fields, each its id and
 * its value, all as {@link SerializationVarlen} integers: 0 flags, 1 the UUID (16 integers, one per byte), 2 gno
 * (signed), 3 the tag (length, bytes), 4 last_committed and 5 sequence_number (signed), 6 immediate commit timestamp,
 * 7 original commit timestamp (absent = the immediate one), 8 transaction length, 9 immediate server version, 10
 * original server version (absent = the immediate one), 11 commit group ticket (absent = none). Fields with higher
 * ids come from a newer server and are skipped unless the message marks one as non-ignorable.
 */
final class GtidTaggedDecoder implements BodyDecoder {

    private static final int LAST_KNOWN_FIELD = 11;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int start = body.position();
        SerializationVarlen.readUnsigned(body); // format version
        long size = SerializationVarlen.readUnsigned(body);
        long lastNonIgnorable = SerializationVarlen.readUnsigned(body);
        long available = body.position() - start + (long) body.remaining();
        if (size < body.position() - start || size > available) {
            throw new BodyFormatException("tagged GTID message of " + size + " byte(s) in a body of " + available);
        }
        // the metadata holds the last non-ignorable field's id plus one, 0 for none (Serializer_default::
        // encode_serializable_metadata); MySQL refuses the message when that field is past its last known one
        if (lastNonIgnorable > LAST_KNOWN_FIELD + 1) {
            throw new BodyFormatException("tagged GTID message needs field " + (lastNonIgnorable - 1)
                    + ", unknown to this reader (fields up to " + LAST_KNOWN_FIELD + " are known)");
        }
        ByteReader in = body.slice((int) (size - (body.position() - start)));
        int flags = 0;
        long msb = 0;
        long lsb = 0;
        long gno = 0;
        String tag = "";
        long lastCommitted = 0;
        long sequenceNumber = 0;
        long immediateTs = 0;
        Long originalTs = null;
        long length = 0;
        long immediateVersion = 0;
        Long originalVersion = null;
        Long ticket = null;
        int previous = -1;
        while (in.hasRemaining()) {
            long id = SerializationVarlen.readUnsigned(in);
            if (id <= previous) {
                throw new BodyFormatException("tagged GTID field " + id + " after field " + previous);
            }
            if (id > LAST_KNOWN_FIELD) {
                in.skip(in.remaining()); // a newer server's ignorable fields: their sizes are not known here
                break;
            }
            previous = (int) id;
            switch ((int) id) {
                case 0 -> flags = (int) SerializationVarlen.readUnsigned(in);
                case 1 -> {
                    for (int i = 0; i < 16; i++) {
                        long b = SerializationVarlen.readUnsigned(in);
                        if (i < 8) {
                            msb = (msb << 8) | (b & 0xFF);
                        } else {
                            lsb = (lsb << 8) | (b & 0xFF);
                        }
                    }
                }
                case 2 -> gno = SerializationVarlen.readSigned(in);
                case 3 -> {
                    long n = SerializationVarlen.readUnsigned(in);
                    if (n > in.remaining()) {
                        throw new BodyFormatException("GTID tag of " + n + " byte(s) with " + in.remaining() + " left");
                    }
                    tag = in.readString((int) n, StandardCharsets.US_ASCII);
                }
                case 4 -> lastCommitted = SerializationVarlen.readSigned(in);
                case 5 -> sequenceNumber = SerializationVarlen.readSigned(in);
                case 6 -> immediateTs = SerializationVarlen.readUnsigned(in);
                case 7 -> originalTs = SerializationVarlen.readUnsigned(in);
                case 8 -> length = SerializationVarlen.readUnsigned(in);
                case 9 -> immediateVersion = SerializationVarlen.readUnsigned(in);
                case 10 -> originalVersion = SerializationVarlen.readUnsigned(in);
                default -> ticket = SerializationVarlen.readUnsigned(in);
            }
        }
        return new GtidEvent(
                header,
                flags,
                new UUID(msb, lsb),
                gno,
                lastCommitted,
                sequenceNumber,
                immediateTs,
                originalTs != null ? originalTs : immediateTs,
                length,
                immediateVersion,
                originalVersion != null ? originalVersion : immediateVersion,
                ticket,
                tag);
    }
}
