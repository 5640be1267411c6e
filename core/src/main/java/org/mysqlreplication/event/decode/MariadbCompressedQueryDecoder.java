package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.io.ByteReader;

/**
 * MariaDB's QUERY_COMPRESSED_EVENT (165, {@code log_bin_compress=ON}): a QUERY_EVENT whose statement is a
 * compressed record ({@link CompressedBytes#mariadbRecord}); the post-header, the status variables and the schema
 * with its NUL stand uncompressed before it, as {@code query_event_uncompress} in MariaDB's {@code log_event.cc}
 * reads them. Decoded by {@link QueryDecoder} into the same {@link org.mysqlreplication.event.QueryEvent} as an
 * uncompressed statement, its header keeping type 165.
 */
final class MariadbCompressedQueryDecoder implements BodyDecoder {

    private static final int POST_HEADER = 13;
    private static final int SCHEMA_LENGTH_OFFSET = 8;
    private static final int STATUS_VARS_LENGTH_OFFSET = 11;

    private final QueryDecoder query = new QueryDecoder();

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int postHeader = ctx.postHeaderLength(header.typeCode(), POST_HEADER);
        if (postHeader < POST_HEADER) {
            throw new BodyFormatException(
                    "post-header of " + postHeader + " byte(s), expected at least " + POST_HEADER);
        }
        int schemaLength = body.peekUint8(SCHEMA_LENGTH_OFFSET);
        int statusVarsLength =
                body.peekUint8(STATUS_VARS_LENGTH_OFFSET) | body.peekUint8(STATUS_VARS_LENGTH_OFFSET + 1) << 8;
        ByteReader head = body.slice(postHeader + statusVarsLength + schemaLength + 1);
        byte[] statement = CompressedBytes.mariadbRecord(body);
        byte[] plain = new byte[head.remaining() + statement.length];
        System.arraycopy(head.array(), head.arrayOffset(), plain, 0, head.remaining());
        System.arraycopy(statement, 0, plain, head.remaining(), statement.length);
        return query.decode(header, ByteReader.of(plain), ctx);
    }
}
