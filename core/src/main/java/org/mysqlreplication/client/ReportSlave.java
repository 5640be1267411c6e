package org.mysqlreplication.client;

/**
 * What the reader tells the server about itself in COM_REGISTER_SLAVE, shown by {@code SHOW SLAVE HOSTS}
 * (python-mysql-replication's {@code report_slave}). Any field may be empty; a port of 0 means none.
 * {@link #toString()} never shows the password.
 *
 * <p>Immutable and thread-safe.
 */
public record ReportSlave(String host, String user, String password, int port) {

    public ReportSlave {
        host = host == null ? "" : host;
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("report port " + port + " not in 0..65535");
        }
    }

    /** Reports only a host name, as python-mysql-replication's {@code report_slave="host"} does. */
    public static ReportSlave host(String host) {
        return new ReportSlave(host, "", "", 0);
    }

    @Override
    public String toString() {
        return "ReportSlave[host=" + host + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", port=" + port + "]";
    }
}
