package org.mysqlreplication.event.decode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.QueryStatusVars;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.value.Collations;
import org.mysqlreplication.value.UnknownCollationException;

/**
 * QUERY_EVENT: post-header thread id (4), execution time (4), schema length (1), error code (2), status variables
 * length (2, binlog v4 only: post-header 13 against 11 in v3); then the status variables, the schema and a NUL,
 * then the query up to the end of the body.
 */
final class QueryDecoder implements BodyDecoder {

    private static final int V4_POST_HEADER = 13;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int postHeader = ctx.postHeaderLength(EventType.QUERY_EVENT.code(), V4_POST_HEADER);
        long threadId = body.readUint32();
        long execTime = body.readUint32();
        int schemaLength = body.readUint8();
        int errorCode = body.readUint16();
        ByteReader status = ByteReader.of(new byte[0]);
        if (postHeader >= V4_POST_HEADER) {
            int statusLength = body.readUint16();
            body.skip(postHeader - V4_POST_HEADER);
            status = body.slice(statusLength);
        } else {
            body.skip(postHeader - (V4_POST_HEADER - 2));
        }
        Payload p = readPayload(body, status, schemaLength, ctx);
        return new QueryEvent(header, threadId, execTime, errorCode, p.schema(), p.query(), p.vars(), p.length());
    }

    /** What follows the post-header of a QUERY or EXECUTE_LOAD_QUERY event. */
    record Payload(QueryStatusVars vars, String schema, String query, long length) {}

    /** Decodes the status variables, then reads the schema, its NUL and the statement up to the end. */
    static Payload readPayload(ByteReader body, ByteReader statusVars, int schemaLength, DecodeContext ctx) {
        QueryStatusVars vars =
                statusVars.hasRemaining() ? QueryStatusVarsDecoder.decode(statusVars) : QueryStatusVars.none();
        String schema = body.readString(schemaLength, StandardCharsets.UTF_8);
        int nul = body.readUint8();
        if (nul != 0) {
            throw new BodyFormatException("schema name not followed by NUL: found 0x" + Integer.toHexString(nul));
        }
        long length = ctx.textLength(body.remaining()); // -1 unless the statement was cut at the threshold
        return new Payload(vars, schema, body.readRemainingString(queryCharset(vars)), length);
    }

    /** The statement is in character_set_client; binary or unknown ids fall back to UTF-8. */
    private static Charset queryCharset(QueryStatusVars vars) {
        if (vars.charsetClient() == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset c = Collations.charsetOf(vars.charsetClient());
            return c == null ? StandardCharsets.UTF_8 : c;
        } catch (UnknownCollationException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
