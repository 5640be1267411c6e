package org.mysqlreplication.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.PacketChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Packet reassembly: {@link PacketChannel#readPacket()} over an in-memory stream of {@value #PACKETS} packets of
 * {@code payload} bytes (200 bytes: a small event; 8 KB: the size of the server's rows events), sequence ids
 * wrapping at 256 as on the wire. Score: time per packet, copy into the caller's array included.
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
public class PacketChannelBenchmark {

    static final int PACKETS = 1000;

    @Param({"200", "8192"})
    public int payload;

    private byte[] stream;

    @Setup
    public void write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketChannel writer = new PacketChannel(new ByteArrayInputStream(new byte[0]), out, "memory");
        byte[] p = new byte[payload];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) i;
        }
        for (int i = 0; i < PACKETS; i++) {
            writer.writePacket(p);
        }
        stream = out.toByteArray();
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void readPackets(Blackhole bh) {
        PacketChannel ch =
                new PacketChannel(new ByteArrayInputStream(stream), OutputStream.nullOutputStream(), "memory");
        for (int i = 0; i < PACKETS; i++) {
            ByteReader r = ch.readPacket();
            bh.consume(r.remaining());
        }
    }
}
