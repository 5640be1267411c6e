package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.UserVarEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;
import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.LargeValue;

/**
 * USER_VAR events through the {@link EventReader} with a large-value threshold of 1 KiB, built from the layout
 * {@code User_var_log_event::write} writes (name length 4, name, is-null 1, type 1, collation 4, value length 4,
 * value, flags 1), with CRC32: in the heap, a small value is the bytes the test wrote, as before; in a spill file, a
 * value above the threshold is a {@link LargeValue} over those bytes in the file, and one not above it (the event is
 * large for its name) is read as in the heap.
 */
class UserVarSpillTest {

    private static final int THRESHOLD = 1024;
    private static final DecodeOptions OPTIONS =
            DecodeOptions.defaults(UnknownEventPolicy.FAIL).withLargeValueThreshold(THRESHOLD);
    /** utf8mb4_general_ci. */
    private static final int UTF8MB4 = 45;

    @TempDir
    Path dir;

    private SpillFiles files;
    private EventReader reader;

    @BeforeEach
    void setUp() {
        files = new SpillFiles(dir);
        reader = EventReader.forStream(new DecodeContext(OPTIONS), EventSelector.ALL, null, files);
        reader.startSession(new BinlogPosition("bin.000001", 4), ChecksumAlgorithm.CRC32, false);
    }

    @AfterEach
    void tearDown() {
        files.close();
    }

    private static byte[] userVar(String name, byte[] value, int collation) {
        byte[] b = body().u32(name.length())
                .str(name)
                .u8(0)
                .u8(UserVarEvent.STRING_RESULT)
                .u32(collation)
                .u32(value.length)
                .bytes(value)
                .u8(0)
                .build();
        return event(14, 0, 1, 5000, 0, b, true);
    }

    private UserVarEvent inHeap(byte[] event) {
        reader.read(Payload.of(ByteReader.of(event)), -1);
        return (UserVarEvent) reader.poll();
    }

    private UserVarEvent spilled(byte[] event, SpillFile f) {
        f.write(event, 0, event.length);
        reader.read(Payload.spilled(ByteReader.of(Arrays.copyOf(event, 64)), f, 0), -1);
        return (UserVarEvent) reader.poll();
    }

    @Test
    void aSmallValueIsInTheEventAsBefore() {
        byte[] value = "ol\u00e9".getBytes(StandardCharsets.UTF_8);
        UserVarEvent e = inHeap(userVar("v", value, UTF8MB4));
        assertThat(e.largeValue()).isNull();
        assertThat(e.value()).isEqualTo(value);
        assertThat(e.valueLength()).isEqualTo(value.length);
        assertThat(e.decodedValue()).isEqualTo("ol\u00e9");
        assertThat(e).isEqualTo(new UserVarEvent(e.header(), "v", false, 0, UTF8MB4, value, 0));
        assertThat(e.dump()).contains("Value: ol\u00e9\n");
    }

    @Test
    void aValueAboveTheThresholdStaysInTheSpillFile() throws Exception {
        byte[] value = "x\u00e9".repeat(3000).getBytes(StandardCharsets.UTF_8); // 9000 bytes
        SpillFile f = files.create();
        UserVarEvent e = spilled(userVar("big", value, UTF8MB4), f);

        LargeValue large = e.largeValue();
        assertThat(large).isNotNull();
        assertThat(large.length()).isEqualTo(9000);
        assertThat(large.toByteArray()).isEqualTo(value);
        try (var in = large.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(value);
        }
        assertThat(large.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(large.type()).isEqualTo(ColumnType.BLOB);
        assertThat(e.name()).isEqualTo("big");
        assertThat(e.charset()).isEqualTo(UTF8MB4);
        assertThat(e.value()).isEmpty();
        assertThat(e.valueLength()).isEqualTo(9000);
        assertThat(e.decodedValue()).isSameAs(large);
        assertThat(f.isReleased()).as("the value reads from the file").isFalse();
        assertThat(e.dump())
                .contains("Value: ... (truncated: 9000 bytes in all)")
                .doesNotContain("x\u00e9x");
        assertThat(e.toString()).doesNotContain("x\u00e9");
    }

    @Test
    void aBinaryValueAboveTheThresholdHasNoCharset() {
        byte[] value = new byte[5000];
        Arrays.fill(value, (byte) 0xF0);
        UserVarEvent e = spilled(userVar("b", value, 63), files.create());
        assertThat(e.largeValue().charset()).isNull();
        assertThat(e.largeValue().toByteArray()).isEqualTo(value);
    }

    @Test
    void aSpilledEventWhoseValueIsNotAboveTheThresholdIsTheHeapsEvent() {
        String name = "n".repeat(300);
        byte[] value = "v".repeat(900).getBytes(StandardCharsets.UTF_8);
        byte[] event = userVar(name, value, UTF8MB4);
        assertThat(event.length).isGreaterThan(THRESHOLD);
        SpillFile f = files.create();
        UserVarEvent fromFile = spilled(event, f);
        assertThat(fromFile.largeValue()).isNull();
        assertThat(fromFile).isEqualTo(inHeap(event));
        assertThat(f.isReleased()).as("nothing refers to the file").isTrue();
    }

    @Test
    void aSpilledValueLongerThanTheEventIsAnError() {
        byte[] event = userVar("v", new byte[2000], UTF8MB4);
        // value length (after name length 4, name 1, is-null 1, type 1, collation 4) claims a byte more
        int at = 19 + 11;
        event[at] = (byte) (2002 & 0xFF);
        event[at + 1] = (byte) (2002 >>> 8);
        byte[] fixed = event(14, 0, 1, 5000, 0, Arrays.copyOfRange(event, 19, event.length - 4), true);
        SpillFile f = files.create();
        assertThatThrownBy(() -> spilled(fixed, f))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("USER_VAR_EVENT")
                .hasMessageContaining("length 2002");
        assertThat(f.isReleased()).isTrue();
    }
}
