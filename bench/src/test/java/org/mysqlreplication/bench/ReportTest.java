package org.mysqlreplication.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The RESULT line round trip, the medians and the exact ratios line that tools read. */
class ReportTest {

    private static Measurement m(ReaderKind k, double wallSeconds, long allocated, long compared) {
        String line = "RESULT reader=" + k.label() + " wall_ns=" + (long) (wallSeconds * 1e9) + " cpu_ns=1000000000"
                + " thread_cpu_ns=900000000 alloc=" + allocated + " peak_heap=1000000 rss_hwm=2000000 rows=1000"
                + " events=10 bytes=0 all=7 compared=" + compared;
        return Measurement.parse(line);
    }

    @Test
    void ratiosLineIsLastAndUsesTheMedians() {
        Report r = new Report(100_000_000L, 1000);
        for (double wall : List.of(2.0, 9.0, 1.0)) { // median 2.0
            r.add(m(ReaderKind.OURS_NETWORK, wall, 300_000, 5));
        }
        r.add(m(ReaderKind.CONNECTOR_NETWORK, 4.0, 1_000_000, 5));
        r.add(m(ReaderKind.RAW_PACKETS, 1.6, 100_000, 0));
        r.add(m(ReaderKind.OURS_FILE, 1.0, 300_000, 5));
        r.add(m(ReaderKind.CONNECTOR_FILE, 3.0, 1_000_000, 5));

        String[] lines = r.render().split("\n");
        // rows/s: ours 1000/2.0 = 500 vs connector 1000/4.0 = 250 -> 2.00; files 1000/1 vs 1000/3 -> 3.00;
        // wall ours/raw 2.0/1.6 = 1.25; alloc per row 300/1000 = 0.30
        assertThat(lines[lines.length - 1])
                .isEqualTo("ratios: network_rows_per_s_vs_connector=2.00 "
                        + "file_rows_per_s_vs_connector=3.00 network_wall_vs_raw=1.25 alloc_per_row_vs_connector=0.30");
        assertThat(r.render()).contains("checksum of compared columns [" + ValueFold.COMPARED_NAMES + "]: agree");
        assertThat(r.render()).contains("(all equal to the workload's 1000)");
    }

    @Test
    void aChecksumOrRowCountMismatchIsShown() {
        Report r = new Report(1, 1000);
        r.add(m(ReaderKind.OURS_NETWORK, 1, 1, 5));
        r.add(m(ReaderKind.CONNECTOR_NETWORK, 1, 1, 6));
        assertThat(r.render()).contains(": DIFFER across");
    }

    @Test
    void measurementParsesEveryField() {
        Measurement p = m(ReaderKind.CONNECTOR_FILE, 1.5, 42, -3);
        assertThat(p.reader()).isEqualTo(ReaderKind.CONNECTOR_FILE);
        assertThat(p.wallNanos()).isEqualTo(1_500_000_000L);
        assertThat(p.threadCpuNanos()).isEqualTo(900_000_000L);
        assertThat(p.allocated()).isEqualTo(42);
        assertThat(p.rssHwm()).isEqualTo(2_000_000L);
        assertThat(p.comparedChecksum()).isEqualTo(-3);
    }
}
