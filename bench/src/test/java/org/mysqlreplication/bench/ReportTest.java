package org.mysqlreplication.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The RESULT line round trip, the medians and the exact ratios line that tools read. */
class ReportTest {

    private static Measurement m(ReaderKind k, double wallSeconds, long allocated, long compared) {
        return m(k, 2, wallSeconds, 1.0, allocated, compared);
    }

    private static Measurement m(
            ReaderKind k, int pass, double wallSeconds, double cpuSeconds, long allocated, long compared) {
        String line = "RESULT reader=" + k.label() + " pass=" + pass + " wall_ns=" + (long) (wallSeconds * 1e9)
                + " cpu_ns=" + (long) (cpuSeconds * 1e9) + " thread_cpu_ns=900000000 jit_cpu_ns=20000000"
                + " gc_cpu_ns=30000000 alloc=" + allocated + " peak_heap=1000000 rss_hwm=2000000 rows=1000"
                + " events=10 bytes=0 all=7 compared=" + compared;
        return Measurement.parse(line);
    }

    @Test
    void ratiosLineIsLastAndUsesTheMediansOfTheWarmPasses() {
        Report r = new Report(100_000_000L, 1000);
        r.add(m(ReaderKind.OURS_NETWORK, 1, 50.0, 60.0, 900_000, 5)); // cold: not in the ratios
        for (double wall : List.of(2.0, 9.0, 1.0)) { // median 2.0
            r.add(m(ReaderKind.OURS_NETWORK, 2, wall, wall, 300_000, 5));
        }
        r.add(m(ReaderKind.CONNECTOR_NETWORK, 2, 4.0, 8.0, 1_000_000, 5));
        r.add(m(ReaderKind.RAW_PACKETS, 1.6, 100_000, 0));
        r.add(m(ReaderKind.OURS_FILE, 1.0, 300_000, 5));
        r.add(m(ReaderKind.CONNECTOR_FILE, 3.0, 1_000_000, 5));
        r.add(m(ReaderKind.OURS_JSON, 2, 2.5, 3.0, 0, 0));
        r.add(m(ReaderKind.MAXWELL, 2, 25.0, 40.0, 0, 0));
        r.add(m(ReaderKind.DEBEZIUM, 2, 100.0, 90.0, 0, 0));

        String[] lines = r.render().split("\n");
        // rows/s: ours 1000/2.0 = 500 vs connector 1000/4.0 = 250 -> 2.00; files 1000/1 vs 1000/3 -> 3.00;
        // wall ours/raw 2.0/1.6 = 1.25; alloc per row 300/1000 = 0.30; process CPU per row: 2.0 s vs 8.0 s -> 0.25;
        // JSON rows/s: 1000/2.5 vs 1000/25 -> 10.00 and vs 1000/100 -> 40.00
        assertThat(lines[lines.length - 1])
                .isEqualTo("ratios: network_rows_per_s_vs_connector=2.00 "
                        + "file_rows_per_s_vs_connector=3.00 network_wall_vs_raw=1.25 alloc_per_row_vs_connector=0.30 "
                        + "warm_cpu_per_row_vs_connector=0.25 json_rows_per_s_vs_maxwell=10.00 "
                        + "json_rows_per_s_vs_debezium=40.00");
        // ours-json: wall 2.5/1.6, CPU 3.0 s vs Maxwell's 40 s
        assertThat(lines[lines.length - 2])
                .isEqualTo("json targets (warm): ours-json wall_vs_raw=1.56 cpu_per_row_vs_maxwell=0.075; "
                        + "ours-network wall_vs_raw=1.25");
        // the cold table has the cold pass alone: 1000 rows / 50 s, 60 s of CPU = 60,000 us per row
        assertThat(r.render()).containsPattern("(?m)^ours-network +50\\.00 +20 .* 60000\\.00 ");
        assertThat(r.render()).contains("checksum of compared columns [" + ValueFold.COMPARED_NAMES + "]: agree");
        assertThat(r.render()).contains("(all equal to the workload's 1000)");
    }

    @Test
    void aChecksumOrRowCountMismatchIsShown() {
        Report r = new Report(1, 1000);
        r.add(m(ReaderKind.OURS_NETWORK, 1, 1, 5));
        r.add(m(ReaderKind.OURS_JSON, 1, 1, 0));
        r.add(m(ReaderKind.CONNECTOR_NETWORK, 1, 1, 6));
        assertThat(r.render()).contains(": DIFFER across");
    }

    @Test
    void measurementParsesEveryField() {
        Measurement p = m(ReaderKind.CONNECTOR_FILE, 1.5, 42, -3);
        assertThat(p.reader()).isEqualTo(ReaderKind.CONNECTOR_FILE);
        assertThat(p.pass()).isEqualTo(2);
        assertThat(p.jitCpuNanos()).isEqualTo(20_000_000L);
        assertThat(p.gcCpuNanos()).isEqualTo(30_000_000L);
        assertThat(p.wallNanos()).isEqualTo(1_500_000_000L);
        assertThat(p.threadCpuNanos()).isEqualTo(900_000_000L);
        assertThat(p.allocated()).isEqualTo(42);
        assertThat(p.rssHwm()).isEqualTo(2_000_000L);
        assertThat(p.comparedChecksum()).isEqualTo(-3);
    }
}
