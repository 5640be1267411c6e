package org.mysqlreplication.bench.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Decoding MySQL JSON column values with {@link ValueDecoder}, as a rows event does: the 4-byte length prefix, a
 * copy of the stored bytes and the JSON text MySQL prints ({@code MysqlJson}). Two documents in the binary format
 * written by {@link JsonBinaryWriter}: a typical small one, {@code {"k": 123, "ok": true, "tag": "t3"}} (35
 * bytes), and a nested one of about 4.5 KB (40 items of ints, strings, a double, a boolean and a small array);
 * {@link #check()} decodes each once and fails the run if the text is not the intended one.
 *
 * <p>Forked with a pre-touched 1 GiB heap, as the other value benchmarks are.
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
public class JsonBinaryBenchmark {

    /** JSON in a rows event: the length prefix is 4 bytes (TABLE_MAP metadata 4). */
    private static final ColumnDef JSON_DEF = ColumnDef.of(ColumnType.JSON, 4);

    private static final Object SMALL = small();
    private static final Object LARGE = large();
    private static final byte[] SMALL_VALUE = columnValue(JsonBinaryWriter.document(SMALL));
    private static final byte[] LARGE_VALUE = columnValue(JsonBinaryWriter.document(LARGE));

    private static Object small() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", 123);
        m.put("tag", "t3");
        m.put("ok", true);
        return m;
    }

    private static Object large() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", 100_000 + i); // int32: stored after the header
            item.put("name", "item number " + i);
            item.put("price", 2.5 + i);
            item.put("active", i % 3 != 0);
            item.put("tags", List.of("red", "small", i));
            items.add(item);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("items", items);
        doc.put("count", items.size());
        doc.put("source", "warehouse 7");
        doc.put("note", null);
        return doc;
    }

    private static byte[] columnValue(byte[] doc) {
        byte[] b = new byte[4 + doc.length];
        b[0] = (byte) doc.length;
        b[1] = (byte) (doc.length >> 8);
        System.arraycopy(doc, 0, b, 4, doc.length);
        return b;
    }

    @Setup
    public void check() {
        ValueBenchmark.expect(smallDocument().toString(), "{\"k\": 123, \"ok\": true, \"tag\": \"t3\"}");
        ValueBenchmark.expect(largeDocument().toString(), JsonBinaryWriter.text(LARGE));
        if (LARGE_VALUE.length < 2048) {
            throw new IllegalStateException("the large document is only " + LARGE_VALUE.length + " bytes");
        }
    }

    @Benchmark
    public Object smallDocument() {
        return ValueDecoder.decode(ByteReader.of(SMALL_VALUE), JSON_DEF);
    }

    @Benchmark
    public Object largeDocument() {
        return ValueDecoder.decode(ByteReader.of(LARGE_VALUE), JSON_DEF);
    }
}
