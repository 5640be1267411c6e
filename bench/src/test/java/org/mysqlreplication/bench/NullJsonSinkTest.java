package org.mysqlreplication.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The null sink counts every byte and every newline it is given, whatever the offsets and lengths. */
class NullJsonSinkTest {

    @Test
    void countsEveryNewlineAndByte() {
        Random random = new Random(12);
        for (int round = 0; round < 500; round++) {
            byte[] b = new byte[random.nextInt(200)];
            for (int i = 0; i < b.length; i++) {
                int r = random.nextInt(6);
                // newlines beside 0x00, 0x0B, 0x8A and 0xFF, the bytes a word-at-a-time count could get wrong
                b[i] = (byte)
                        (r == 0 ? '\n' : r == 1 ? 0 : r == 2 ? 0x0B : r == 3 ? 0x8A : r == 4 ? 0xFF : random.nextInt());
            }
            int off = b.length == 0 ? 0 : random.nextInt(b.length);
            int len = b.length == 0 ? 0 : random.nextInt(b.length - off + 1);
            long newlines = 0;
            for (int i = off; i < off + len; i++) {
                newlines += b[i] == '\n' ? 1 : 0;
            }
            NullJsonSink sink = new NullJsonSink();
            sink.write(b, off, len);
            sink.write('\n');
            assertThat(sink.lines()).isEqualTo(newlines + 1);
            assertThat(sink.bytes()).isEqualTo(len + 1);
        }
    }

    @Test
    void theSameBytesInTheSameCallsGiveTheSameChecksum() {
        byte[] line = "{\"id\":1}\n".repeat(20).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        NullJsonSink a = new NullJsonSink();
        NullJsonSink b = new NullJsonSink();
        a.write(line, 0, line.length);
        b.write(line, 0, line.length);
        assertThat(a.checksum()).isEqualTo(b.checksum());
        line[3] ^= 1;
        NullJsonSink c = new NullJsonSink();
        c.write(line, 0, line.length);
        assertThat(c.checksum()).isNotEqualTo(a.checksum());
    }
}
