package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Collation names by id for the ids no local server has: MySQL's own (its 0900 and gb18030 collations, as MySQL 8's
 * SHOW COLLATION lists them), the ids the two servers name differently, and MariaDB's rule-made ranges against
 * the examples of its documentation and sources. Every id the local MariaDB has is checked against that server by
 * {@code CollationNamesIT}.
 */
class CollationNamesTest {

    @Test
    void mysqlOwnCollations() {
        assertThat(CollationNames.mysql(255)).isEqualTo("utf8mb4_0900_ai_ci"); // MySQL 8's default
        assertThat(CollationNames.mysql(278)).isEqualTo("utf8mb4_0900_as_cs");
        assertThat(CollationNames.mysql(304)).isEqualTo("utf8mb4_ja_0900_as_cs_ks");
        assertThat(CollationNames.mysql(309)).isEqualTo("utf8mb4_0900_bin");
        assertThat(CollationNames.mysql(323)).isEqualTo("utf8mb4_mn_cyrl_0900_as_cs");
        assertThat(CollationNames.mysql(76)).isEqualTo("utf8mb3_tolower_ci");
        assertThat(CollationNames.mysql(248)).isEqualTo("gb18030_chinese_ci");
        assertThat(CollationNames.mysql(33)).isEqualTo("utf8mb3_general_ci"); // 8.0.30+ names, as MariaDB 10.6+
        assertThat(CollationNames.mariadb(76)).isNull();
        assertThat(CollationNames.mariadb(255)).isEqualTo("utf8mb4_0900_ai_ci"); // MariaDB 11.4+'s alias
    }

    @Test
    void theIdsTheServersNameDifferently() {
        assertThat(CollationNames.mysql(213)).isEqualTo("utf8mb3_croatian_ci");
        assertThat(CollationNames.mariadb(213)).isEqualTo("utf8mb3_croatian_mysql561_ci");
        assertThat(CollationNames.mariadb(576)).isEqualTo("utf8mb3_croatian_ci");
        assertThat(CollationNames.mysql(576)).isNull();
    }

    @Test
    void mariadbNoPadAndUca1400Ids() {
        assertThat(CollationNames.mariadb(1032)).isEqualTo("latin1_swedish_nopad_ci");
        assertThat(CollationNames.mariadb(1071)).isEqualTo("latin1_nopad_bin");
        assertThat(CollationNames.mariadb(1024 + 63)).isNull(); // binary has no NO PAD variant
        assertThat(CollationNames.mysql(1032)).isNull();
        assertThat(CollationNames.mariadb(2048)).isEqualTo("utf8mb3_uca1400_ai_ci"); // 0x800: the first
        assertThat(CollationNames.mariadb(0x900)).isEqualTo("utf8mb4_uca1400_ai_ci"); // MariaDB 11.5+'s default
        assertThat(CollationNames.mariadb(0x900 | 8 << 3 | 0b111)).isEqualTo("utf8mb4_uca1400_swedish_nopad_as_cs");
        assertThat(CollationNames.mariadb(0x800 | 21 << 3)).isNull(); // no 14.0.0 croatian_mysql561
        assertThat(CollationNames.mariadb(0xD00)).isNull(); // charset 5: none
    }
}
