package org.mysqlreplication.value.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.value.json.MysqlJsonTest.hex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.value.MysqlDateTime;

/** {@link MysqlJson#tree()} over the hand-written documents of {@link MysqlJsonTest} (layouts explained there). */
class MysqlJsonTreeTest {

    private static Object tree(String hex) {
        return MysqlJson.decode(hex(hex)).tree();
    }

    @Test
    void objectsAreMapsInStoredOrderArraysAreLists() {
        Object tree = tree("00 0200 1E00 1200 0100 1300 0100 05 0100 02 1400 61 62 0200 0A00 05 0100 05 0200");
        assertThat(tree).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) tree;
        assertThat(map.keySet()).containsExactly("a", "b");
        assertThat(map.get("a")).isEqualTo(1L);
        assertThat(map.get("b")).isEqualTo(List.of(1L, 2L));
        assertThatThrownBy(() -> map.put("c", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void scalarsInAnArray() {
        Object tree = tree("02 0500 2200 04 0000 04 0100 07 1300 0B 1700 0C 1F00 C0BDF0FF 000000000000F83F 02 C3A9");
        assertThat(tree).isEqualTo(Arrays.asList(null, true, -1_000_000L, 1.5, "é"));
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) tree;
        assertThatThrownBy(() -> list.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void integersAreLongsAndTheLargestUint64ABigInteger() {
        assertThat(tree("06 FFFF")).isEqualTo(65535L);
        assertThat(tree("09 0000000000000080")).isEqualTo(Long.MIN_VALUE);
        assertThat(tree("0A FFFFFFFFFFFFFF7F")).isEqualTo(Long.MAX_VALUE);
        assertThat(tree("0A FFFFFFFFFFFFFFFF")).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void opaqueValuesBecomeJavaValues() {
        assertThat(tree("0F F6 04 03 02 8332")).isEqualTo(new BigDecimal("3.50"));
        assertThat(tree("0F 0A 08 00000000001e9519")).isEqualTo(LocalDate.of(2015, 1, 15));
        assertThat(tree("0F 0C 08 55f8068310fe6319")).isEqualTo(LocalDateTime.of(1999, 12, 31, 1, 2, 3, 456_789_000));
        assertThat(tree("0F 07 08 00000019761f9519")).isEqualTo(LocalDateTime.of(2015, 1, 15, 23, 24, 25));
        assertThat(tree("0F 0B 08 e05ef8e689feffff")).isEqualTo(Duration.parse("-PT23H24M25.5S"));
        assertThat(tree("0F 0B 08 000000fb6e340000"))
                .isEqualTo(Duration.ofHours(838).plusMinutes(59).plusSeconds(59));
        assertThat(tree("0F 0A 08 0000000000000000")).isEqualTo(MysqlDateTime.zeroDate());
        assertThat(tree("0F FD 01 78")).isEqualTo("x");
        assertThat(tree("0F FC 02 6162")).isEqualTo("base64:type252:YWI=");
    }

    @Test
    void emptyDocumentIsNull() {
        assertThat(MysqlJson.decode(new byte[0]).tree()).isNull();
    }
}
