package org.mysqlreplication.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The stable text of a position to the row: versioned JSON, read back exactly, strict about what it reads. */
class ResumePositionTest {

    @Test
    void itsTextIsVersionedJsonThatReadsBackEqual() {
        ResumePosition p = new ResumePosition(
                new BinlogPosition("mysql-bin.000003", 1234),
                3,
                17,
                1,
                "3e11fa47-71ca-11e1-9e33-c80aa9429562",
                "0-1-100");
        assertThat(p.toJson())
                .isEqualTo("{\"version\":1,\"file\":\"mysql-bin.000003\",\"position\":1234,"
                        + "\"skip_events\":3,\"skip_rows\":17,\"server_id\":1,"
                        + "\"server_uuid\":\"3e11fa47-71ca-11e1-9e33-c80aa9429562\",\"gtid\":\"0-1-100\"}");
        assertThat(ResumePosition.parse(p.toJson())).isEqualTo(p);
        ResumePosition between = ResumePosition.at(new BinlogPosition("a \"b\\\".000001", 4));
        assertThat(ResumePosition.parse(between.toJson())).isEqualTo(between);
        assertThat(between.insideTransaction()).isFalse();
        assertThat(ResumePosition.parse(" { \"gtid\" : null, \"server_uuid\":null, \"version\":1,\"file\":\"f\","
                                + "\"position\":4,\"skip_events\":0,\"skip_rows\":0,\"server_id\":-1 } ")
                        .restart()
                        .file())
                .isEqualTo("f");
    }

    @Test
    void aTextOfAnotherVersionOrShapeIsRefused() {
        String v2 = "{\"version\":2,\"file\":\"f\",\"position\":4,\"skip_events\":0,\"skip_rows\":0,\"server_id\":1,"
                + "\"server_uuid\":null,\"gtid\":null}";
        assertThatThrownBy(() -> ResumePosition.parse(v2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> ResumePosition.parse("{\"version\":1}")).hasMessageContaining("\"file\"");
        assertThatThrownBy(() -> ResumePosition.parse("{\"version\":1,\"version\":1}"))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> ResumePosition.parse("mysql-bin.000001:4")).hasMessageContaining("offset 0");
        assertThatThrownBy(() -> new ResumePosition(new BinlogPosition("f", 4), 0, 5, 1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
