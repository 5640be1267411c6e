package org.mysqlreplication.bench.jmh;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.ValueDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding single column values with {@link ValueDecoder}, the innermost loop of every rows event: DECIMAL(12,2),
 * DATETIME(6) (DATETIME2), TIMESTAMP (TIMESTAMP2, no fraction) and VARCHAR(255) in utf8mb4 with 2-, 3- and
 * 4-byte characters. The bytes are the server's binary formats written out by hand; {@link #check()} decodes
 * each once and fails the run if the value is not the one intended. MySQL's binary JSON has its own benchmark,
 * {@link JsonBinaryBenchmark}.
 *
 * <p>Forked with a pre-touched 1 GiB heap: without it the first seconds of an allocating benchmark are
 * dominated by page faults on fresh heap memory and the scores vary tenfold between iterations.
 *
 * <p>JMH state; not shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ValueBenchmark {

    /** 1234567.89 in DECIMAL(12,2): 1 digit (1 byte), 9 digits (4 bytes), 2 fraction digits (1 byte). */
    private static final byte[] DECIMAL = HexFormat.of().parseHex("800012d68759");

    private static final ColumnDef DECIMAL_DEF = ColumnDef.of(ColumnType.NEWDECIMAL, 12 << 8 | 2);
    /** 2020-01-02 03:04:05.123456 in DATETIME(6): 5 bytes packed, 3 bytes of microseconds, big-endian. */
    private static final byte[] DATETIME2 = HexFormat.of().parseHex("99a544310501e240");

    private static final ColumnDef DATETIME2_DEF = ColumnDef.of(ColumnType.DATETIME2, 6);
    /** 2021-01-01T01:00:00Z in TIMESTAMP(0): 4 bytes of epoch seconds, big-endian. */
    private static final byte[] TIMESTAMP2 = HexFormat.of().parseHex("5fee7410");

    private static final ColumnDef TIMESTAMP2_DEF = ColumnDef.of(ColumnType.TIMESTAMP2, 0);
    private static final String TITLE = "títle ✓ 😀 123456 …";
    /** VARCHAR(255) utf8mb4: max 1020 bytes, so a 2-byte length; collation 45 = utf8mb4_general_ci. */
    private static final ColumnDef VARCHAR_DEF =
            new ColumnDef(ColumnType.VARCHAR, 1020, false, 45, List.of(), List.of());

    private static final byte[] VARCHAR = varchar(TITLE);

    private static byte[] varchar(String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[text.length + 2];
        b[0] = (byte) text.length;
        b[1] = (byte) (text.length >> 8);
        System.arraycopy(text, 0, b, 2, text.length);
        return b;
    }

    @Setup
    public void check() {
        expect(decimal(), new BigDecimal("1234567.89"));
        expect(datetime2(), LocalDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_000));
        expect(timestamp2(), Instant.parse("2021-01-01T01:00:00Z"));
        expect(varcharUtf8mb4(), TITLE);
    }

    /** Fails the run unless a benchmark's input decodes to the intended value. */
    static void expect(Object found, Object expected) {
        if (!expected.equals(found)) {
            throw new IllegalStateException("benchmark input decodes to " + found + ", expected " + expected);
        }
    }

    @Benchmark
    public Object decimal() {
        return ValueDecoder.decode(ByteReader.of(DECIMAL), DECIMAL_DEF);
    }

    @Benchmark
    public Object datetime2() {
        return ValueDecoder.decode(ByteReader.of(DATETIME2), DATETIME2_DEF);
    }

    @Benchmark
    public Object timestamp2() {
        return ValueDecoder.decode(ByteReader.of(TIMESTAMP2), TIMESTAMP2_DEF);
    }

    @Benchmark
    public Object varcharUtf8mb4() {
        return ValueDecoder.decode(ByteReader.of(VARCHAR), VARCHAR_DEF);
    }
}
