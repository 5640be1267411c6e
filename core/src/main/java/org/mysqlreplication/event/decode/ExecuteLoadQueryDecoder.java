package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.ExecuteLoadQueryEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * EXECUTE_LOAD_QUERY_EVENT: the QUERY_EVENT post-header (thread id 4, execution time 4, schema length 1, error
 * code 2, status variables length 2), then file id (4), file name start (4) and end (4) in the statement, duplicate
 * handling (1); then status variables, schema, NUL and statement as in a QUERY_EVENT.
 */
final class ExecuteLoadQueryDecoder implements BodyDecoder {

    private static final int POST_HEADER = 26;

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int postHeader = ctx.postHeaderLength(EventType.EXECUTE_LOAD_QUERY_EVENT.code(), POST_HEADER);
        long threadId = body.readUint32();
        long execTime = body.readUint32();
        int schemaLength = body.readUint8();
        int errorCode = body.readUint16();
        int statusLength = body.readUint16();
        long fileId = body.readUint32();
        long startPos = body.readUint32();
        long endPos = body.readUint32();
        int dup = body.readUint8();
        body.skip(Math.max(0, postHeader - POST_HEADER));
        QueryDecoder.Payload p = QueryDecoder.readPayload(body, body.slice(statusLength), schemaLength, ctx);
        return new ExecuteLoadQueryEvent(
                header, threadId, execTime, errorCode, p.schema(), p.query(), p.vars(), fileId, startPos, endPos, dup);
    }
}
