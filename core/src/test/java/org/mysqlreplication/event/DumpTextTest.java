package org.mysqlreplication.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.value.UndecodedText;

/** Values print as Python's str() prints the values python-mysql-replication returns. */
class DumpTextTest {

    @Test
    void pythonReprOfValues() {
        assertThat(DumpText.repr(null)).isEqualTo("None");
        assertThat(DumpText.repr(true)).isEqualTo("True");
        assertThat(DumpText.repr(new byte[] {'a', 0, '\'', '\\', (byte) 0xff, '\n'}))
                .isEqualTo("b'a\\x00\\'\\\\\\xff\\n'");
        assertThat(DumpText.repr(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(DumpText.repr(LocalDateTime.parse("2014-05-06T20:51:02.000123")))
                .isEqualTo("2014-05-06 20:51:02.000123");
        assertThat(DumpText.repr(Instant.parse("2014-05-06T20:51:02Z"))).isEqualTo("2014-05-06 20:51:02");
        assertThat(DumpText.repr(new LinkedHashSet<>(List.of("a", "b")))).isEqualTo("{'a', 'b'}");
        assertThat(DumpText.repr(new LinkedHashSet<>())).isEqualTo("set()");
        assertThat(DumpText.repr(BitSet.valueOf(new long[] {0b101}))).isEqualTo("101");
        assertThat(DumpText.repr(new float[] {1.5f, 2f})).isEqualTo("[1.5, 2.0]");
        assertThat(DumpText.repr(new UndecodedText(new byte[] {'c', 'a', 'f', (byte) 0xe9}, -1,
                UndecodedText.Reason.UNKNOWN_CHARSET))).isEqualTo("b'caf\\xe9' (undecoded: unknown charset)");
        assertThat(DumpText.repr(new UndecodedText(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0xbd}, 45,
                UndecodedText.Reason.INVALID_BYTES))).isEqualTo("b'\\xed\\xa0\\xbd' (undecoded: not valid utf8mb4)");
    }

    /** Python: str(timedelta(hours=-1)) == '-1 day, 23:00:00'; str(timedelta(days=1, seconds=3723)). */
    @Test
    void timeAsPythonTimedelta() {
        assertThat(DumpText.repr(Duration.ofHours(-1))).isEqualTo("-1 day, 23:00:00");
        assertThat(DumpText.repr(Duration.ofSeconds(86_400 + 3723))).isEqualTo("1 day, 1:02:03");
        assertThat(DumpText.repr(Duration.ofSeconds(838 * 3600 + 59 * 60 + 59)))
                .isEqualTo("34 days, 22:59:59");
        assertThat(DumpText.repr(Duration.ofMillis(1500))).isEqualTo("0:00:01.500000");
    }

    @Test
    void headerDateIsUtcWhateverTheDefaultZone() {
        EventHeader h = new EventHeader(0, EventType.STOP_EVENT, 3, 1, 19, 0, 0);
        assertThat(new StopEvent(h).dump()).isEqualTo("""
                === StopEvent ===
                Date: 1970-01-01T00:00:00
                Log position: 0
                Event size: 19
                Read bytes: 0

                """);
    }
}
