package org.mysqlreplication.event.decode;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.mysqlreplication.io.ByteReader;

/**
 * MariaDB's compressed record ({@code binlog_buf_uncompress} in {@code log_event.cc}), which ends a compressed QUERY
 * or rows event: one header byte {@code 1AAA0LLL} (bit 7 set; AAA the algorithm, 0 = zlib, the only one; LLL the
 * 1-4 bytes of the uncompressed length), the length big-endian, then a zlib stream to the end of the event.
 */
final class MariadbCompressedRecord {

    /** The header byte and at most 4 length bytes. */
    static final int MAX_HEADER = 5;

    private MariadbCompressedRecord() {}

    /** The record that makes up the rest of {@code body}, which is read to its end: its header, then its data. */
    static DecompressedStream open(ByteReader body) {
        long declared = declaredLength(body);
        InputStream data = new ByteArrayInputStream(body.array(), body.arrayOffset(), body.remaining());
        body.skip(body.remaining());
        return DecompressedStream.zlib(data, declared);
    }

    /**
     * The record that makes up the rest of the spilled {@code body}, whose next bytes {@code window} is (read to the
     * record's header): its header from the window, then its data from the file, to the end of the body.
     */
    static DecompressedStream open(ByteReader window, SpillCursor body) {
        long declared = declaredLength(window);
        body.advance(window.position());
        return DecompressedStream.zlib(body.rest(), declared);
    }

    /** The record's header: the uncompressed length it declares, from 1 to {@link DecompressedStream#MAX_ARRAY}. */
    static long declaredLength(ByteReader in) {
        int first = in.readUint8();
        int algorithm = (first >> 4) & 0x7;
        int lengthBytes = first & 0x7;
        if ((first & 0x88) != 0x80 || lengthBytes < 1 || lengthBytes > 4) {
            throw new BodyFormatException(String.format(
                    "compressed record header 0x%02X: expected bit 7 set, bit 3 clear and 1 to 4 length bytes", first));
        }
        if (algorithm != 0) {
            throw new BodyFormatException("compressed record algorithm " + algorithm + ": only 0 (zlib) is known");
        }
        long declared = in.readUintBE(lengthBytes);
        if (declared == 0 || declared > DecompressedStream.MAX_ARRAY) {
            throw new BodyFormatException("compressed record declares " + declared + " uncompressed byte(s)");
        }
        return declared;
    }
}
