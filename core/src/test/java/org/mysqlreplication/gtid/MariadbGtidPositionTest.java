package org.mysqlreplication.gtid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and printing MariaDB GTID positions in the text form of {@code @@gtid_binlog_pos}. */
class MariadbGtidPositionTest {

    @Test
    void parsesAndPrintsTheServersFormat() {
        MariadbGtidPosition p = MariadbGtidPosition.parse("0-1-100,1-2-7");
        assertThat(p.gtids()).containsExactly(new MariadbGtid(0, 1, 100), new MariadbGtid(1, 2, 7));
        assertThat(p).hasToString("0-1-100,1-2-7");
        assertThat(p.gtid(1)).isEqualTo(new MariadbGtid(1, 2, 7));
        assertThat(p.gtid(5)).isNull();
    }

    @Test
    void ordersDomainsSoThatEqualPositionsAreEqual() {
        MariadbGtidPosition p = MariadbGtidPosition.parse(" 1-2-7 , 0-1-100");
        assertThat(p).isEqualTo(MariadbGtidPosition.parse("0-1-100,1-2-7")).hasToString("0-1-100,1-2-7");
    }

    @Test
    void emptyTextIsTheEmptyPosition() {
        assertThat(MariadbGtidPosition.parse(""))
                .isEqualTo(MariadbGtidPosition.empty())
                .hasToString("");
        assertThat(MariadbGtidPosition.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void acceptsTheFullUnsignedRanges() {
        MariadbGtidPosition p = MariadbGtidPosition.parse("4294967295-4294967295-18446744073709551615");
        MariadbGtid g = p.gtids().get(0);
        assertThat(g.domainId()).isEqualTo(4294967295L);
        assertThat(g.serverId()).isEqualTo(4294967295L);
        assertThat(g.seqNo()).isEqualTo(-1L); // 2^64-1 as an unsigned long
        assertThat(p).hasToString("4294967295-4294967295-18446744073709551615");
    }

    @Test
    void rejectsMalformedGtidsNamingThePart() {
        assertThatThrownBy(() -> MariadbGtidPosition.parse("0-1"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("#1 '0-1'");
        assertThatThrownBy(() -> MariadbGtidPosition.parse("0-1-5,0-1-x"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("#2")
                .hasMessageContaining("sequence");
        assertThatThrownBy(() -> MariadbGtidPosition.parse("0-1-5,"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("#2 ''");
        assertThatThrownBy(() -> MariadbGtidPosition.parse("-1-1-5")).isInstanceOf(GtidFormatException.class);
        assertThatThrownBy(() -> MariadbGtidPosition.parse("0-+1-5"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("server id");
        assertThatThrownBy(() -> MariadbGtidPosition.parse("4294967296-1-5"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("domain id '4294967296'");
        assertThatThrownBy(() -> MariadbGtidPosition.parse("0-1-18446744073709551616"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("sequence number");
        assertThatThrownBy(() -> MariadbGtidPosition.parse("0-1-5'; DROP TABLE t; --"))
                .isInstanceOf(GtidFormatException.class);
    }

    @Test
    void rejectsTwoGtidsOfOneDomain() {
        assertThatThrownBy(() -> MariadbGtidPosition.parse("0-1-5,0-2-9"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("domain 0");
        assertThatThrownBy(() -> new MariadbGtidPosition(List.of(new MariadbGtid(3, 1, 1), new MariadbGtid(3, 1, 2))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withReplacesTheDomainsGtidAndAddsNewDomains() {
        MariadbGtidPosition p = MariadbGtidPosition.parse("0-1-100");
        assertThat(p.with(new MariadbGtid(0, 1, 101))).hasToString("0-1-101");
        assertThat(p.with(new MariadbGtid(2, 1, 3))).hasToString("0-1-100,2-1-3");
        assertThat(p).hasToString("0-1-100");
    }

    @Test
    void withMissingDomainsKeepsKnownDomainsAndTakesTheLastOfEachNewOne() {
        MariadbGtidPosition p = MariadbGtidPosition.parse("0-1-100");
        List<MariadbGtid> list = List.of(new MariadbGtid(0, 1, 90), new MariadbGtid(1, 1, 4), new MariadbGtid(1, 2, 9));
        assertThat(p.withMissingDomains(list)).hasToString("0-1-100,1-2-9");
        assertThat(p.withMissingDomains(List.of(new MariadbGtid(0, 1, 90)))).isSameAs(p);
    }
}
