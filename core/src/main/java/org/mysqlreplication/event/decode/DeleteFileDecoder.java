package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteFileEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.io.ByteReader;

/** DELETE_FILE_EVENT: the post-header is the file id (4, {@code DF_FILE_ID_OFFSET} 0); no body after it. */
final class DeleteFileDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        return new DeleteFileEvent(header, body.readUint32());
    }
}
