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
import org.mysqlreplication.value.MysqlDateTime;
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
        assertThat(DumpText.repr(new UndecodedText(
                        new byte[] {'c', 'a', 'f', (byte) 0xe9}, -1, UndecodedText.Reason.UNKNOWN_CHARSET)))
                .isEqualTo("b'caf\\xe9' (undecoded: unknown charset)");
        assertThat(DumpText.repr(new UndecodedText(
                        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0xbd}, 45, UndecodedText.Reason.INVALID_BYTES)))
                .isEqualTo("b'\\xed\\xa0\\xbd' (undecoded: not valid utf8mb4)");
    }

    /** Python: str(timedelta(hours=-1)) == '-1 day, 23:00:00'; str(timedelta(days=1, seconds=3723)). */
    @Test
    void timeAsPythonTimedelta() {
        assertThat(DumpText.repr(Duration.ofHours(-1))).isEqualTo("-1 day, 23:00:00");
        assertThat(DumpText.repr(Duration.ofSeconds(86_400 + 3723))).isEqualTo("1 day, 1:02:03");
        assertThat(DumpText.repr(Duration.ofSeconds(838 * 3600 + 59 * 60 + 59))).isEqualTo("34 days, 22:59:59");
        assertThat(DumpText.repr(Duration.ofMillis(1500))).isEqualTo("0:00:01.500000");
    }

    /**
     * Python 3: str(datetime(2026, 1, 1)) == '2026-01-01 00:00:00' (the seconds are kept),
     * str(datetime(2026, 1, 1, 0, 0, 0, 500000)) == '2026-01-01 00:00:00.500000' (always 6 digits),
     * str(datetime(1000, 1, 1, 0, 0, 0, 1)) == '1000-01-01 00:00:00.000001'.
     */
    @Test
    void dateTimesAsPythonDatetime() {
        assertThat(DumpText.repr(LocalDateTime.parse("2026-01-01T00:00"))).isEqualTo("2026-01-01 00:00:00");
        assertThat(DumpText.repr(LocalDateTime.parse("2026-01-01T00:00:00.5"))).isEqualTo("2026-01-01 00:00:00.500000");
        assertThat(DumpText.repr(LocalDateTime.parse("1000-01-01T00:00:00.000001")))
                .isEqualTo("1000-01-01 00:00:00.000001");
        assertThat(DumpText.repr(Instant.parse("2026-01-01T00:00:00.120Z"))).isEqualTo("2026-01-01 00:00:00.120000");
        assertThat(DumpText.repr(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01 00:00:00");
        // zero and invalid dates, which python gives as None, keep their fields in the same layout
        assertThat(DumpText.repr(MysqlDateTime.zeroDateTime(3))).isEqualTo("0000-00-00 00:00:00");
        assertThat(DumpText.repr(new MysqlDateTime(false, 2020, 0, 15, 12, 0, 0, 100, 6)))
                .isEqualTo("2020-00-15 12:00:00.000100");
        assertThat(DumpText.repr(MysqlDateTime.zeroDate())).isEqualTo("0000-00-00");
    }

    /** Python 3: str(timedelta(seconds=-1)), str(timedelta(microseconds=-1)), str(timedelta(hours=-838, ...)). */
    @Test
    void negativeAndFractionalTimesAsPythonTimedelta() {
        assertThat(DumpText.repr(Duration.ofSeconds(-1))).isEqualTo("-1 day, 23:59:59");
        assertThat(DumpText.repr(Duration.ofNanos(-1000))).isEqualTo("-1 day, 23:59:59.999999");
        assertThat(DumpText.repr(Duration.ofSeconds(-(838 * 3600 + 59 * 60 + 59))))
                .isEqualTo("-35 days, 1:00:01");
        assertThat(DumpText.repr(Duration.ofNanos(1000))).isEqualTo("0:00:00.000001");
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
