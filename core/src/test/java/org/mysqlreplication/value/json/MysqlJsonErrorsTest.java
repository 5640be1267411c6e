package org.mysqlreplication.value.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.value.json.MysqlJsonTest.hex;

import java.io.ByteArrayOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.ByteReaderOverrunException;
import org.mysqlreplication.value.InvalidColumnValueException;

/** Corrupt binary JSON: each break of the layout fails with a message naming what and the offset, never content. */
class MysqlJsonErrorsTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String hex) {
        return assertThatThrownBy(() -> MysqlJson.decode(hex(hex))).isInstanceOf(InvalidColumnValueException.class);
    }

    @Test
    void truncatedHeader() {
        rejects("00 01")
                .hasMessageContaining("small object needs 4 bytes of count and size, 1 remain")
                .hasMessageContaining("offset 1");
        rejects("03 010000").hasMessageContaining("large array needs 8 bytes");
    }

    @Test
    void sizeBeyondTheDocument() {
        rejects("02 0100 2000 05 0100").hasMessageContaining("small array of 32 bytes, only 7 remain");
    }

    @Test
    void headerLargerThanTheSize() {
        // 3 elements need 4 + 9 bytes of header, the size says 7
        rejects("02 0300 0700 05 0100 05 0100 05 0100")
                .hasMessageContaining("3 members needs a header of 13 bytes, more than its size 7");
    }

    @Test
    void keyOutsideTheObject() {
        // key at 11, 5 bytes long, but the object is 12 bytes
        rejects("00 0100 0C00 0B00 0500 05 0100 61")
                .hasMessageContaining("key 0 of the small object at offset 1")
                .hasMessageContaining("spans offsets 11..16");
        // key inside the header
        rejects("00 0100 0C00 0200 0100 05 0100 61").hasMessageContaining("spans offsets 2..3");
    }

    @Test
    void valueOffsetOutsideTheContainer() {
        rejects("02 0100 0900 0C 2000 01 61")
                .hasMessageContaining("value 0 of the small array at offset 1 is at"
                        + " offset 32, outside the container's data 7..9");
        rejects("02 0100 0900 0C 0200 01 61").hasMessageContaining("is at offset 2");
    }

    @Test
    void nestedSizeBeyondItsParent() {
        // the inner array claims 16 bytes, its parent has 6 left after the entry
        rejects("02 0100 0D00 02 0700 0100 1000 05 0100")
                .hasMessageContaining("small array of 16 bytes, only 6" + " remain")
                .hasMessageContaining("offset 8");
    }

    @Test
    void unknownTypes() {
        rejects("0D 00").hasMessageContaining("type 0x0D").hasMessageContaining("offset 1");
        rejects("02 0100 0800 0E 0700 00").hasMessageContaining("type 0x0E");
        rejects("04 03").hasMessageContaining("found 0x03");
        rejects("02 0100 0700 04 0700").hasMessageContaining("found 0x07");
    }

    @Test
    void truncatedScalars() {
        rejects("05 01").hasMessageContaining("int16 needs 2 bytes, 1 remain");
        rejects("09 01020304").hasMessageContaining("int64 needs 8 bytes, 4 remain");
        rejects("0B 00").hasMessageContaining("double needs 8 bytes");
        rejects("04").hasMessageContaining("literal needs 1 bytes, 0 remain");
        rejects("0C 05 6162").hasMessageContaining("string of 5 bytes, only 2 remain");
        rejects("0C 80").hasMessageContaining("string's length runs past the end");
        rejects("0C FFFFFFFFFF01").hasMessageContaining("length takes more than 5 bytes");
        rejects("0F").hasMessageContaining("opaque value's field type needs 1 bytes");
        rejects("0F FC 09 00").hasMessageContaining("opaque value of 9 bytes, only 1 remain");
    }

    @Test
    void aDoubleThatIsNotFinite() {
        // found by MysqlJsonFuzzTest: a NaN double ended in MysqlDouble's IllegalArgumentException; MySQL's JSON has
        // no NaN or infinity (IEEE 754 bits, little-endian: NaN 0x7FF8000000000000, -infinity 0xFFF0000000000000)
        rejects("0B 000000000000F87F").hasMessageContaining("a finite double (JSON has no NaN or infinity)");
        rejects("02 0100 0F00 0B 0700 000000000000F0FF").hasMessageContaining("a finite double");
    }

    @Test
    void badOpaqueValues() {
        rejects("0F F6 01 03").hasMessageContaining("DECIMAL needs a precision and a scale byte");
        rejects("0F F6 03 03 02 83").hasMessageContaining("DECIMAL(3,2) needs more than its 1 bytes");
        rejects("0F F6 05 03 02 8332 00").hasMessageContaining("leaves 1 of its bytes unread");
        rejects("0F 0C 07 00000019761f95").hasMessageContaining("must be 8 bytes, found 7");
        rejects("0F 0C 08 40420f19761f9519").hasMessageContaining("fraction above 999999");
        rejects("0F 0B 08 0000000000000080").hasMessageContaining("fraction above 999999");
    }

    @Test
    void invalidUtf8() {
        rejects("0C 02 C328").hasMessageContaining("a string or key is not valid UTF-8");
        rejects("0C 03 61 E282").hasMessageContaining("not valid UTF-8"); // truncated sequence
        rejects("0C 02 C0AF").hasMessageContaining("not valid UTF-8"); // overlong '/'
        rejects("0C 03 EDA080").hasMessageContaining("not valid UTF-8"); // a surrogate
        rejects("0C 04 F4908080").hasMessageContaining("not valid UTF-8"); // above U+10FFFF
        rejects("0C 01 C3 A9").hasMessageContaining("not valid UTF-8"); // a sequence cut by the string's end
        // keys too
        rejects("00 0100 0C00 0B00 0100 05 0100 FF").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void nestingDeeperThanMysqlAllows() {
        assertThatThrownBy(() -> MysqlJson.decode(nestedArrays(101)))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("nested deeper than 100 levels");
        MysqlJson.decode(nestedArrays(100)); // MySQL's own limit is fine
    }

    /** {@code depth} small arrays, each holding the next; the innermost is empty. */
    private static byte[] nestedArrays(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x02);
        for (int level = 0; level < depth; level++) {
            int remaining = depth - level - 1; // arrays inside this one
            int size = remaining == 0 ? 4 : 7 + remaining * 7 - 3;
            if (remaining == 0) {
                out.writeBytes(new byte[] {0, 0, 4, 0});
            } else {
                out.writeBytes(new byte[] {1, 0, (byte) size, (byte) (size >> 8), 0x02, 7, 0});
            }
        }
        return out.toByteArray();
    }

    @Test
    void messagesDoNotContainTheContent() {
        rejects("0C 07 736563726574FF").hasMessageNotContaining("secret");
    }

    @Test
    void readNeedsTheWholeValue() {
        assertThatThrownBy(() -> MysqlJson.read(ByteReader.of(hex("0401")), 3))
                .isInstanceOf(ByteReaderOverrunException.class);
    }
}
