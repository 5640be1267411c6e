package org.mysqlreplication.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spill files: what is written is read back, region by region; a file is gone from its directory once open, and
 * its descriptor is closed (the space freed) on release, on close of its {@link SpillFiles}, or by the cleaner
 * once unreachable. Open descriptors are counted from {@code /proc/self/fd}, independently of our bookkeeping.
 */
class SpillFilesTest {

    @TempDir
    Path dir;

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static long openDescriptors(Path dir) {
        assumeTrue(OpenDescriptors.available(), "needs /proc/self/fd");
        return OpenDescriptors.under(dir);
    }

    @Test
    void whatIsWrittenInPiecesIsReadBackByRegion() throws IOException {
        byte[] data = random(300_000, 1);
        try (SpillFiles files = new SpillFiles(dir)) {
            SpillFile f = files.create();
            f.write(data, 0, 1);
            f.write(data, 1, 70_000);
            f.write(data, 70_001, data.length - 70_001);
            assertThat(f.length()).isEqualTo(data.length);

            byte[] region = new byte[200_000]; // more than one read chunk
            f.readFully(50_000, region, 0, region.length);
            assertThat(region).isEqualTo(Arrays.copyOfRange(data, 50_000, 250_000));
            try (InputStream in = f.openStream(299_990, 10)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 299_990, 300_000));
            }
            try (InputStream in = f.openStream(7, 100_000)) {
                assertThat(in.read()).isEqualTo(data[7] & 0xFF);
                assertThat(in.skip(10)).isEqualTo(10);
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 18, 100_007));
                assertThat(in.read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void aRegionOutsideTheFileIsATypedErrorNamingIt() {
        try (SpillFiles files = new SpillFiles(dir)) {
            SpillFile f = files.create();
            f.write(new byte[10], 0, 10);
            assertThatThrownBy(() -> f.readFully(5, new byte[6], 0, 6))
                    .isInstanceOf(SpillFileException.class)
                    .hasMessageContaining("6 bytes at offset 5")
                    .hasMessageContaining("of 10 bytes");
            assertThatThrownBy(() -> f.openStream(11, 0)).isInstanceOf(SpillFileException.class);
        }
    }

    @Test
    void aFileLeavesItsDirectoryWhenOpenAndItsDescriptorOnRelease() throws IOException {
        try (SpillFiles files = new SpillFiles(dir)) {
            SpillFile f = files.create();
            f.write(new byte[] {1, 2, 3}, 0, 3);
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.toList()).isEmpty();
            }
            assertThat(openDescriptors(dir)).isEqualTo(1);
            assertThat(files.open()).isEqualTo(1);

            f.release();
            assertThat(openDescriptors(dir)).isZero();
            assertThat(files.open()).isZero();
            assertThat(f.isReleased()).isTrue();
            assertThatThrownBy(() -> f.readFully(0, new byte[3], 0, 3))
                    .isInstanceOf(SpillFileClosedException.class)
                    .hasMessageContaining("read large values before closing the reader");
            f.release(); // idempotent
        }
    }

    @Test
    void closingReleasesEveryFileAndAStreamOpenedBeforeFailsAfter() throws IOException {
        SpillFiles files = new SpillFiles(dir);
        SpillFile a = files.create();
        SpillFile b = files.create();
        a.write(random(1000, 2), 0, 1000);
        b.write(random(1000, 3), 0, 1000);
        InputStream in = a.openStream(0, 1000);
        assertThat(in.read(new byte[10], 0, 10)).isEqualTo(10);
        assertThat(openDescriptors(dir)).isEqualTo(2);

        files.close();
        assertThat(openDescriptors(dir)).isZero();
        assertThat(files.open()).isZero();
        assertThatThrownBy(() -> in.read(new byte[10], 0, 10)).isInstanceOf(SpillFileClosedException.class);
        assertThatThrownBy(files::create).isInstanceOf(SpillFileClosedException.class);
        files.close(); // idempotent
    }

    @Test
    void theCleanerReleasesAFileNothingRefersTo() throws Exception {
        try (SpillFiles files = new SpillFiles(dir)) {
            SpillFile kept = files.create();
            files.create().write(new byte[100], 0, 100); // dropped at once
            assertThat(openDescriptors(dir)).isEqualTo(2);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (files.open() > 1 && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(20);
            }
            assertThat(files.open()).isEqualTo(1);
            assertThat(openDescriptors(dir)).isEqualTo(1);
            assertThat(kept.isReleased()).isFalse();
        }
        assertThat(openDescriptors(dir)).isZero();
    }

    @Test
    void aMissingDirectoryIsATypedErrorNamingIt() {
        Path missing = dir.resolve("no-such-dir");
        try (SpillFiles files = new SpillFiles(missing)) {
            assertThatThrownBy(files::create)
                    .isInstanceOf(SpillFileException.class)
                    .hasMessageContaining("cannot create a spill file in " + missing);
        }
        assertThat(missing).doesNotExist();
    }
}
