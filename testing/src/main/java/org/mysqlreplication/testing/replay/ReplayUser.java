package org.mysqlreplication.testing.replay;

import java.util.Objects;

/**
 * An account of a {@link MysqlReplayServer}: user name, password (empty for none) and the plugin that
 * authenticates it. {@code toString()} does not show the password.
 *
 * <p>Immutable and thread-safe.
 */
public record ReplayUser(String name, String password, ReplayAuthPlugin plugin) {

    public ReplayUser {
        Objects.requireNonNull(name, "name");
        password = password == null ? "" : password;
        Objects.requireNonNull(plugin, "plugin");
    }

    @Override
    public String toString() {
        return "ReplayUser[" + name + ", " + plugin.pluginName() + ", password="
                + (password.isEmpty() ? "<none>" : "<hidden>") + "]";
    }
}
