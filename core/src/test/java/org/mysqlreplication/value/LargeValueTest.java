package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.io.SpillFile;
import org.mysqlreplication.io.SpillFiles;

/** A large value over a region of a spill file: its bytes, its charset by column type and collation, its text. */
class LargeValueTest {

    @TempDir
    Path dir;

    private SpillFiles files;
    private SpillFile file;

    @BeforeEach
    void setUp() {
        files = new SpillFiles(dir);
        file = files.create();
        byte[] content = "headerSECRET-CONTENT-0123456789trailer".getBytes(StandardCharsets.US_ASCII);
        file.write(content, 0, content.length);
    }

    @AfterEach
    void tearDown() {
        files.close();
    }

    private static ColumnDef column(ColumnType type, int meta, int collation) {
        return new ColumnDef(type, meta, false, collation, List.of(), List.of());
    }

    @Test
    void itReadsItsRegionOfTheFile() throws IOException {
        LargeValue v = LargeValue.of(file, 6, 25, column(ColumnType.BLOB, 4, ColumnDef.BINARY_COLLATION));
        assertThat(v.length()).isEqualTo(25);
        assertThat(new String(v.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("SECRET-CONTENT-0123456789");
        try (InputStream a = v.openStream();
                InputStream b = v.openStream()) {
            assertThat(a.readNBytes(6)).isEqualTo("SECRET".getBytes(StandardCharsets.US_ASCII));
            assertThat(b.readAllBytes()).hasSize(25);
            assertThat(a.readAllBytes()).hasSize(19);
        }
    }

    @Test
    void itsTextShowsTypeSizeAndCharsetButNoContent() {
        LargeValue v = LargeValue.of(file, 6, 25, column(ColumnType.BLOB, 2, 8));
        assertThat(v.toString())
                .isEqualTo("LargeValue[BLOB, 25 bytes, windows-1252]")
                .doesNotContain("SECRET");
    }

    @Test
    void textColumnsHaveTheirCollationsCharsetAndEverythingElseNone() {
        assertThat(charset(ColumnType.BLOB, 45)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(charset(ColumnType.BLOB, 8)).isEqualTo(Charset.forName("windows-1252"));
        assertThat(charset(ColumnType.BLOB, ColumnDef.BINARY_COLLATION)).isNull();
        assertThat(charset(ColumnType.BLOB, ColumnDef.UNKNOWN_COLLATION)).isNull();
        assertThat(charset(ColumnType.JSON, 45)).isNull();
        assertThat(charset(ColumnType.GEOMETRY, ColumnDef.UNKNOWN_COLLATION)).isNull();
        assertThat(charset(ColumnType.VECTOR, ColumnDef.BINARY_COLLATION)).isNull();
    }

    private Charset charset(ColumnType type, int collation) {
        return LargeValue.of(file, 0, 10, column(type, 4, collation)).charset();
    }

    @Test
    void onlyLengthPrefixedColumnsInsideTheFileMakeLargeValues() {
        assertThatThrownBy(() -> LargeValue.of(file, 0, 4, column(ColumnType.VARCHAR, 300, 45)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VARCHAR");
        assertThatThrownBy(() -> LargeValue.of(file, 30, 9, column(ColumnType.BLOB, 4, 63)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 bytes at offset 30");
        assertThatThrownBy(() -> LargeValue.of(file, 0, 4, column(ColumnType.BLOB, 5, 63)))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("1..4, found 5");
    }
}
