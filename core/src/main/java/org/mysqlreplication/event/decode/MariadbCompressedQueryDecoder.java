package org.mysqlreplication.event.decode;

import java.util.Arrays;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.io.ByteReader;

/**
 * MariaDB's QUERY_COMPRESSED_EVENT (165, {@code log_bin_compress=ON}): a QUERY_EVENT whose statement is a
 * compressed record ({@link MariadbCompressedRecord}); the post-header, the status variables and the schema with its
 * NUL stand uncompressed before it, as {@code query_event_uncompress} in MariaDB's {@code log_event.cc} reads them.
 * Decoded by {@link QueryDecoder} into the same {@link org.mysqlreplication.event.QueryEvent} as an uncompressed
 * statement, its header keeping type 165.
 *
 * <p>A statement that decompresses to more than the large-value threshold is cut there, as an uncompressed one in a
 * spill file is ({@link org.mysqlreplication.event.QueryEvent#truncated()}, its whole length kept): the rest is
 * decompressed as a stream, checked and dropped, never held. The compressed event itself, when larger than the
 * threshold, is read from the reader's spill file ({@link SpilledBodyDecoder}).
 */
final class MariadbCompressedQueryDecoder implements BodyDecoder, SpilledBodyDecoder {

    private static final int POST_HEADER = 13;
    private static final int SCHEMA_LENGTH_OFFSET = 8;
    private static final int STATUS_VARS_LENGTH_OFFSET = 11;
    /** The most bytes before the statement: a post-header, 65,535 bytes of status variables, a schema, a NUL. */
    private static final int MAX_HEAD = 255 + 65_535 + 255 + 1;

    private final QueryDecoder query = new QueryDecoder();

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        ByteReader head = body.slice(headLength(header, body, ctx));
        return statement(header, head, MariadbCompressedRecord.open(body), ctx);
    }

    @Override
    public BinlogEvent decodeSpilled(EventHeader header, SpillCursor body, DecodeContext ctx) {
        ByteReader window = body.window(MAX_HEAD + MariadbCompressedRecord.MAX_HEADER);
        int headLength = headLength(header, window, ctx);
        ByteReader head = ByteReader.of(
                Arrays.copyOfRange(window.array(), window.arrayOffset(), window.arrayOffset() + headLength));
        window.skip(headLength);
        return statement(header, head, MariadbCompressedRecord.open(window, body), ctx);
    }

    /** The length of what stands before the compressed record, read from the post-header without advancing. */
    private static int headLength(EventHeader header, ByteReader body, DecodeContext ctx) {
        int postHeader = ctx.postHeaderLength(header.typeCode(), POST_HEADER);
        if (postHeader < POST_HEADER) {
            throw new BodyFormatException(
                    "post-header of " + postHeader + " byte(s), expected at least " + POST_HEADER);
        }
        int schemaLength = body.peekUint8(SCHEMA_LENGTH_OFFSET);
        int statusVarsLength =
                body.peekUint8(STATUS_VARS_LENGTH_OFFSET) | body.peekUint8(STATUS_VARS_LENGTH_OFFSET + 1) << 8;
        return postHeader + statusVarsLength + schemaLength + 1;
    }

    /** The QUERY event of {@code head} and the statement {@code text} decompresses to, cut at the threshold. */
    private BinlogEvent statement(EventHeader header, ByteReader head, DecompressedStream text, DecodeContext ctx) {
        try (text) {
            long keep = Math.min(text.declared(), ctx.largeValueThreshold());
            byte[] plain = text.readAfter(head, keep);
            text.skip(text.remaining());
            text.finish();
            ctx.setTruncatedBy(text.declared() - keep);
            try {
                return query.decode(header, ByteReader.of(plain), ctx);
            } finally {
                ctx.setTruncatedBy(0);
            }
        }
    }
}
