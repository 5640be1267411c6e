package org.mysqlreplication.testing.replay;

import java.io.IOException;
import java.util.List;

/**
 * A text-protocol result set as a server without {@code CLIENT_DEPRECATE_EOF} sends it: the column count, one
 * column definition per column (all VAR_STRING in utf8mb4_0900_ai_ci), EOF, the rows (NULL as {@code 0xFB}), EOF.
 */
record TextResult(List<String> columns, List<List<String>> rows) {

    private static final int VAR_STRING = 253;
    private static final int UTF8MB4_0900_AI_CI = 255;

    void writeTo(ServerPackets packets) throws IOException {
        packets.writeUnflushed(new PayloadOut().lenencInt(columns.size()).toByteArray());
        for (String name : columns) {
            packets.writeUnflushed(new PayloadOut()
                    .lenencString("def")
                    .lenencString("")
                    .lenencString("")
                    .lenencString("")
                    .lenencString(name)
                    .lenencString(name)
                    .int8(0x0C)
                    .int16(UTF8MB4_0900_AI_CI)
                    .int32(1024)
                    .int8(VAR_STRING)
                    .int16(0)
                    .int8(0x1F)
                    .int16(0)
                    .toByteArray());
        }
        packets.writeUnflushed(ServerReplies.eof());
        for (List<String> row : rows) {
            PayloadOut out = new PayloadOut();
            row.forEach(out::lenencString);
            packets.writeUnflushed(out.toByteArray());
        }
        packets.write(ServerReplies.eof());
    }
}
