package org.mysqlreplication.value.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON text read back exactly: numbers by RFC 8259's grammar, strings with their escapes, keys in order. */
class JsonTextTest {

    @Test
    void numbersKeepTheirExactValueAndScale() {
        assertThat(JsonText.parse("-3")).isEqualTo(-3L);
        assertThat(JsonText.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(JsonText.parse("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(JsonText.parse("12.50")).isEqualTo(new BigDecimal("12.50")); // the scale too
        assertThat(JsonText.parse("-0.0")).isEqualTo(new BigDecimal("-0.0"));
        assertThat(JsonText.parse("1.5E-7")).isEqualTo(new BigDecimal("1.5E-7"));
        assertThat(JsonText.parse("2e+3")).isEqualTo(new BigDecimal("2e+3"));
        for (String bad : List.of("-", "1.", "1e", "1e+", ".5", "-x")) {
            assertThatThrownBy(() -> JsonText.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void objectsArraysAndStrings() {
        Object v = JsonText.parse("{\"b\":[1,true,null,\"\\u00e9\\ud83d\\ude00\\\"\\\\\\/\\n\"],\"a\":{}}");
        assertThat(v).isEqualTo(Map.of("b", Arrays.asList(1L, true, null, "é😀\"\\/\n"), "a", Map.of()));
        assertThat(String.join(",", ((Map<String, ?>) v).keySet())).isEqualTo("b,a");
    }
}
