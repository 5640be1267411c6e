package org.mysqlreplication.testing.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The system variables the replay server knows, with the values a MySQL 8.4 server on its defaults shows, plus the
 * ones that follow from the served files: {@code binlog_checksum} (CRC32 if the first file has checksums),
 * {@code gtid_executed} (the first file's previous GTIDs and the GTIDs of the files' GTID and GTID_TAGGED events)
 * and {@code gtid_purged} (the first file's previous GTIDs). Names are lower case. Made once per server; immutable
 * once made, thread-safe.
 */
final class SystemVariables {

    private final Map<String, String> values = new TreeMap<>();

    SystemVariables(ServerConfig config, int port) {
        ReplayGtidSet executed = new ReplayGtidSet();
        config.binlogs().forEach(b -> executed.addAll(b.executedGtids()));
        String purged = config.binlogs().get(0).previousGtids().toString();
        boolean mysql8 = config.versionAtLeast(8, 0, 3);
        put("version", config.version());
        put("version_comment", "MySQL Community Server - GPL (mysql-replication replay server)");
        put("server_id", Long.toString(config.serverId()));
        put("server_uuid", config.serverUuid());
        put("port", Integer.toString(port));
        put("hostname", "replay");
        put("binlog_checksum", config.checksummed() ? "CRC32" : "NONE");
        put("log_bin", "1");
        put("binlog_format", "ROW");
        put("binlog_row_image", "FULL");
        put("binlog_row_metadata", "MINIMAL");
        put("gtid_mode", executed.toString().isEmpty() ? "OFF" : "ON");
        put("enforce_gtid_consistency", executed.toString().isEmpty() ? "OFF" : "ON");
        put("gtid_executed", executed.toString());
        put("gtid_purged", purged);
        put("have_ssl", config.sslContext() != null ? "YES" : "DISABLED");
        put("auto_increment_increment", "1");
        put("autocommit", "1");
        for (String cs : List.of(
                "character_set_client",
                "character_set_connection",
                "character_set_results",
                "character_set_server",
                "character_set_database")) {
            put(cs, "utf8mb4");
        }
        put("collation_server", "utf8mb4_0900_ai_ci");
        put("collation_connection", "utf8mb4_0900_ai_ci");
        put("collation_database", "utf8mb4_0900_ai_ci");
        put("init_connect", "");
        put("interactive_timeout", "28800");
        put("wait_timeout", "28800");
        put("net_write_timeout", "60");
        put("net_read_timeout", "30");
        put("net_buffer_length", "16384");
        put("max_allowed_packet", "67108864");
        put("license", "GPL");
        put("lower_case_table_names", "0");
        put("performance_schema", "1");
        put(
                "sql_mode",
                "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                        + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION");
        put("system_time_zone", "UTC");
        put("time_zone", "SYSTEM");
        put(mysql8 ? "transaction_isolation" : "tx_isolation", "REPEATABLE-READ");
        put(mysql8 ? "transaction_read_only" : "tx_read_only", "0");
        if (!mysql8) {
            put("query_cache_size", "1048576");
            put("query_cache_type", "OFF");
        }
        put("default_authentication_plugin", config.defaultPlugin().pluginName());
    }

    private void put(String name, String value) {
        values.put(name, value);
    }

    String get(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    boolean isKnown(String name) {
        return values.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** {@code SHOW VARIABLES LIKE pattern} ({@code %} and {@code _} wildcards): name and value rows. */
    List<List<String>> like(String pattern) {
        String regex = pattern.replace(".", "\\.").replace("%", ".*").replace("_", ".");
        List<List<String>> rows = new ArrayList<>();
        values.forEach((k, v) -> {
            if (k.matches(regex)) {
                rows.add(List.of(k, v));
            }
        });
        return rows;
    }
}
