package org.mysqlreplication.event.decode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.mysqlreplication.FuzzContract;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.file.BinlogFileReader;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.jsonl.JsonLines;

/**
 * Fuzz target: a binlog's events, of every type, through the path a file or a stream takes ({@link EventReader},
 * the {@link EventRegistry}'s decoders, compressed transactions opened), each event handed out dumped and its rows
 * read and written as JSON. The input is one byte of options, then events as a binlog file holds them after its magic, each framed by
 * its own header's size:
 * <ul>
 * <li>bit 0: verify CRC32 checksums (off otherwise, so that mutated bodies reach the decoders)</li>
 * <li>bit 1: lazy rows</li>
 * <li>bit 2: an event type without a decoder fails ({@link UnknownEventPolicy#FAIL}), else is delivered</li>
 * <li>bit 3: through {@link BinlogFileReader} over a file, with the smallest large-value threshold (1 KiB), so that
 *     rows events above it are decoded from spill files and their large values stream from them</li>
 * </ul>
 * Seeds, made at run time from the real binlogs in {@code ../shared/fixtures/binlogs}: the FORMAT_DESCRIPTION of a
 * file followed by a few consecutive events of it (a TABLE_MAP and its rows events, a GTID and its transaction),
 * for each event type a few windows per server version.
 *
 * <p>Bound: 1 MiB + 200 bytes per input byte (a dump of a rows event of one-byte values is about 30 bytes of text a
 * value, built in a growing buffer, beside the boxed values of eager rows).
 */
class EventDecoderFuzzTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "binlogs");
    private static final byte[] MAGIC = {(byte) 0xFE, 'b', 'i', 'n'};
    private static final int FORMAT_DESCRIPTION = 15;
    /** The most windows of one event type per server version among the seeds. */
    private static final int SEEDS_PER_TYPE = 3;

    private static final int LARGEST_SEED = 6000;

    private static final FuzzContract CONTRACT = new FuzzContract("event decoding", 1 << 20, 200);
    private static Path scratch;

    @MethodSource("fixtureWindows")
    @FuzzTest(maxDuration = "10s")
    @Timeout(60)
    void events(byte[] input) {
        if (hasCompressedEvent(input)) {
            CONTRACT.checkExceptionsOnly(() -> decode(input));
        } else {
            CONTRACT.check(input.length, () -> "of event types " + types(input), () -> decode(input));
        }
    }

    /**
     * Whether a header of the input, as the target frames them, is of a compressed event type: MySQL's
     * TRANSACTION_PAYLOAD or a MariaDB compressed QUERY or rows event. What they allocate grows with what they
     * decompress to, which a few input bytes can make large: no bound per input byte holds for them (their heap is
     * bounded by the spill threshold instead, as the README's Guarantees say, shown by the memory ITs).
     */
    private static boolean hasCompressedEvent(byte[] input) {
        for (int type : types(input)) {
            EventType t = EventType.ofCode(type);
            if (t == EventType.TRANSACTION_PAYLOAD_EVENT
                    || t != null && t.name().contains("COMPRESSED")) {
                return true;
            }
        }
        return false;
    }

    /** The type codes of the event headers, as {@link #decode} frames the input. */
    private static List<Integer> types(byte[] input) {
        List<Integer> types = new ArrayList<>();
        int at = 1;
        while (input.length - at >= 19) {
            types.add(input[at + 4] & 0xFF);
            long size = ByteReader.of(input, at + 9, 4).readUint32();
            at += (int) Math.min(Math.max(size, 19), input.length - at);
        }
        return types;
    }

    private static void decode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int flags = input[0];
        DecodeOptions options = DecodeOptions.defaults(
                        (flags & 4) != 0 ? UnknownEventPolicy.FAIL : UnknownEventPolicy.DELIVER)
                .withVerifyChecksum((flags & 1) != 0)
                .withLazyRows((flags & 2) != 0);
        if ((flags & 8) != 0) {
            throughFile(input, options.withLargeValueThreshold(DecodeOptions.MIN_LARGE_VALUE_THRESHOLD));
            return;
        }
        EventReader reader = EventReader.forFile("fuzz-bin.000001", new DecodeContext(options), EventSelector.ALL);
        int at = 1;
        while (input.length - at >= 19) {
            long size = ByteReader.of(input, at + 9, 4).readUint32();
            int length = (int) Math.min(Math.max(size, 19), input.length - at);
            reader.read(Payload.of(ByteReader.of(input, at, length)), at + 3L);
            for (BinlogEvent e = reader.poll(); e != null; e = reader.poll()) {
                use(e);
            }
            reader.position();
            at += length;
        }
    }

    private static void throughFile(byte[] input, DecodeOptions options) {
        Path file = scratch().resolve("fuzz-bin.000001");
        try {
            Files.write(file, MAGIC);
            Files.write(
                    file,
                    java.util.Arrays.copyOfRange(input, 1, input.length),
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (BinlogFileReader r =
                new BinlogFileReader(file, new DecodeContext(options), EventSelector.ALL, scratch())) {
            for (BinlogEvent e = r.next(); e != null; e = r.next()) {
                use(e);
                r.position();
            }
        }
    }

    /** What a consumer does with an event: dumps it and reads every value of its rows. */
    private static void use(BinlogEvent e) {
        e.dump();
        JsonLines.toJson(e); // rows of lazy rows from their bytes, as JsonLines writes them
        if (e instanceof WriteRowsEvent w) {
            w.rows().forEach(EventDecoderFuzzTest::read);
        } else if (e instanceof DeleteRowsEvent d) {
            d.rows().forEach(EventDecoderFuzzTest::read);
        } else if (e instanceof UpdateRowsEvent u) {
            for (UpdateRow row : u.rows()) {
                read(row.before());
                read(row.after());
            }
        }
    }

    private static void read(Row row) {
        row.asMap();
    }

    private static synchronized Path scratch() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("event-fuzz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            scratch.toFile().deleteOnExit();
        }
        return scratch;
    }

    /** The seeds: windows of real events, each after its file's FORMAT_DESCRIPTION, behind an options byte. */
    static Stream<byte[]> fixtureWindows() throws IOException {
        if (!Files.isDirectory(FIXTURES)) {
            return Stream.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
        Map<String, Integer> perType = new HashMap<>();
        List<byte[]> seeds = new ArrayList<>();
        for (Path f : files) {
            windows(Files.readAllBytes(f), perType, seeds);
        }
        return seeds.stream();
    }

    /** Adds the windows of one file: for each event, it and up to three before it, while its type is rare. */
    private static void windows(byte[] file, Map<String, Integer> perType, List<byte[]> seeds) {
        List<int[]> events = split(file);
        if (events.isEmpty() || file[events.get(0)[0] + 4] != FORMAT_DESCRIPTION) {
            return;
        }
        int[] fde = events.get(0);
        String version = new String(file, fde[0] + 19 + 2, 3, java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 1; i < events.size(); i++) {
            int type = file[events.get(i)[0] + 4] & 0xFF;
            String key = type + "/" + version;
            if (perType.getOrDefault(key, 0) >= SEEDS_PER_TYPE) {
                continue;
            }
            int first = Math.max(1, i - 3);
            int start = events.get(first)[0];
            int end = events.get(i)[0] + events.get(i)[1];
            if (fde[1] + end - start + 1 > LARGEST_SEED) {
                continue;
            }
            perType.merge(key, 1, Integer::sum);
            int options = seeds.size() % 7 == 3 ? 2 : seeds.size() % 11 == 5 ? 8 : 0;
            byte[] seed = new byte[1 + fde[1] + end - start];
            seed[0] = (byte) options;
            System.arraycopy(file, fde[0], seed, 1, fde[1]);
            System.arraycopy(file, start, seed, 1 + fde[1], end - start);
            seeds.add(seed);
        }
    }

    /** Offset and size of each event of a v4 binlog file, to the first that does not fit. */
    private static List<int[]> split(byte[] file) {
        List<int[]> out = new ArrayList<>();
        if (file.length < 4 || !java.util.Arrays.equals(file, 0, 4, MAGIC, 0, 4)) {
            return out;
        }
        int at = 4;
        while (file.length - at >= 19) {
            long size = ByteReader.of(file, at + 9, 4).readUint32();
            if (size < 19 || size > file.length - at) {
                break;
            }
            out.add(new int[] {at, (int) size});
            at += (int) size;
        }
        return out;
    }
}
