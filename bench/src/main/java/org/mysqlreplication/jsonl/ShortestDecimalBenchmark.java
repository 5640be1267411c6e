package org.mysqlreplication.jsonl;

import java.util.concurrent.TimeUnit;
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
 * One DOUBLE column value written as JSON text by {@link ShortestDecimal}, as a JSON line writer does row after
 * row: values {@code k / 7e0} (16-17 significant digits, the costly case for a search that starts from
 * {@link Double#toString}) and {@code k / 1e2} (short decimals), cycled through 1024 of each, into a reused
 * {@link StringBuilder} and into a reused {@link JsonBytes} (the path of {@link RowLines}). {@link #jdkToString()}
 * is JDK 17's {@link Double#toString(double)}, not shortest, for scale. In this package (split from core's) because
 * {@link ShortestDecimal} and {@link JsonBytes} are package-private.
 *
 * <p>JMH state; not shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ShortestDecimalBenchmark {

    private static final int N = 1024;
    private final double[] sevenths = new double[N];
    private final double[] hundredths = new double[N];
    private final StringBuilder sb = new StringBuilder(64);
    private final JsonBytes bytes = new JsonBytes(64);
    private int i;

    @Setup
    public void setUp() {
        for (int k = 0; k < N; k++) {
            sevenths[k] = (1_000_003L + 7919L * k) / 7e0;
            hundredths[k] = (1_000_003L + 7919L * k) / 1e2;
        }
    }

    private double next(double[] values) {
        i = i + 1 & N - 1;
        return values[i];
    }

    @Benchmark
    public int stringBuilderSevenths() {
        sb.setLength(0);
        ShortestDecimal.append(sb, next(sevenths));
        return sb.length();
    }

    @Benchmark
    public int jsonBytesSevenths() {
        bytes.setLength(0);
        toJsonBytes(next(sevenths));
        return bytes.length();
    }

    @Benchmark
    public int jsonBytesHundredths() {
        bytes.setLength(0);
        toJsonBytes(next(hundredths));
        return bytes.length();
    }

    @Benchmark
    public int jdkToString() {
        return Double.toString(next(sevenths)).length();
    }

    /**
     * What {@link RowLines} does with a DOUBLE value. (Before Schubfach, it appended to a scratch StringBuilder and
     * copied that with {@link JsonBytes#utf8}: that is what the first measurements, in the commit, timed.)
     */
    private void toJsonBytes(double d) {
        ShortestDecimal.append(bytes, d);
    }
}
