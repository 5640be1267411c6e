package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mysqlreplication.client.BinLogStreamReader;
import org.mysqlreplication.client.BinLogStreamReaderConfig;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.gtid.GtidFormatException;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.protocol.SslMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dump}: prints the events of a real server's binlog in the dump format. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print the binlog events of a MySQL/MariaDB server in python-mysql-replication's dump format.")
final class DumpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", required = true, description = "server host")
    private String host;

    @Option(names = "--port", defaultValue = "3306", description = "server port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--user", required = true, description = "replication user")
    private String user;

    @Option(names = "--password", description = "password (prefer --password-env: a command line is visible to"
            + " other users of the machine)")
    private String password;

    @Option(names = "--password-env", paramLabel = "VAR", description = "read the password from this"
            + " environment variable")
    private String passwordEnv;

    @Option(names = "--server-id", required = true, description = "this replica's server id, unique among replicas")
    private long serverId;

    @Option(names = "--start-file", description = "binlog file to start from (default: the server's current file)")
    private String startFile;

    @Option(names = "--start-pos", description = "position in --start-file (default: its first event)")
    private Long startPos;

    @Option(names = "--start-gtid", paramLabel = "GTIDS", description = "MariaDB GTID position to start after,"
            + " e.g. 0-1-100,1-2-7 (instead of --start-file)")
    private String startGtid;

    @Option(names = "--follow", description = "keep waiting for new events instead of stopping at the end")
    private boolean follow;

    @Option(names = "--only-schemas", split = ",", paramLabel = "SCHEMA", description = "only these schemas")
    private List<String> onlySchemas;

    @Option(names = "--only-tables", split = ",", paramLabel = "TABLE",
            description = "only these tables (name, or schema.name)")
    private List<String> onlyTables;

    @Option(names = "--only-events", split = ",", paramLabel = "EVENT",
            description = "only these event classes, e.g. WriteRowsEvent,QueryEvent")
    private List<String> onlyEvents;

    @Option(names = "--ssl-mode", defaultValue = "DISABLED", paramLabel = "MODE", description = "TLS: DISABLED,"
            + " PREFERRED, REQUIRED (no certificate check), VERIFY_CA or VERIFY_IDENTITY (default: ${DEFAULT-VALUE})")
    private SslMode sslMode;

    @Option(names = "--ssl-ca", paramLabel = "FILE", description = "PEM file of the CA certificates to trust, for"
            + " VERIFY_CA and VERIFY_IDENTITY (default: the JDK's trust store)")
    private Path sslCa;

    @Option(names = "--server-public-key", paramLabel = "FILE", description = "PEM file of the server's RSA public"
            + " key (its public_key.pem): without TLS, caching_sha2_password and sha256_password encrypt the password"
            + " with it")
    private Path serverPublicKey;

    @Option(names = "--allow-public-key-retrieval", description = "without TLS and --server-public-key, let"
            + " caching_sha2_password and sha256_password ask the server for its key (a man in the middle could"
            + " hand out its own)")
    private boolean allowPublicKeyRetrieval;

    @Override
    public Integer call() {
        if (sslCa != null && !sslMode.verifiesCertificate()) {
            throw new ParameterException(spec.commandLine(), "--ssl-ca needs --ssl-mode VERIFY_CA or VERIFY_IDENTITY");
        }
        BinLogStreamReaderConfig.Builder b = BinLogStreamReaderConfig.builder()
                .connection(host, port, user, password())
                .serverId(serverId)
                .blocking(follow)
                .sslMode(sslMode)
                .sslCa(sslCa)
                .serverPublicKey(serverPublicKey)
                .allowPublicKeyRetrieval(allowPublicKeyRetrieval);
        if (startFile != null) {
            b = startPos == null ? b.startFile(startFile) : b.startAt(startFile, startPos);
        } else if (startPos != null) {
            throw new ParameterException(spec.commandLine(), "--start-pos needs --start-file");
        }
        if (startGtid != null) {
            if (startFile != null) {
                throw new ParameterException(spec.commandLine(), "give --start-gtid or --start-file, not both");
            }
            try {
                b.startAtGtid(MariadbGtidPosition.parse(startGtid));
            } catch (GtidFormatException e) {
                throw new ParameterException(spec.commandLine(), "--start-gtid: " + e.getMessage());
            }
        }
        if (onlySchemas != null) {
            b.onlySchemas(onlySchemas.toArray(String[]::new));
        }
        if (onlyTables != null) {
            b.onlyTables(onlyTables.toArray(String[]::new));
        }
        if (onlyEvents != null) {
            b.onlyEvents(eventClasses(onlyEvents));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (BinLogStreamReader stream = new BinLogStreamReader(b.build())) {
            for (BinlogEvent event : stream) {
                out.print(event.dump());
                out.flush();
            }
        }
        return 0;
    }

    private String password() {
        if (password != null && passwordEnv != null) {
            throw new ParameterException(spec.commandLine(), "give --password or --password-env, not both");
        }
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null) {
                throw new ParameterException(spec.commandLine(),
                        "environment variable " + passwordEnv + " (--password-env) is not set");
            }
            return value;
        }
        return password == null ? "" : password;
    }

    @SuppressWarnings("unchecked")
    private Class<? extends BinlogEvent>[] eventClasses(List<String> names) {
        List<Class<? extends BinlogEvent>> classes = new ArrayList<>();
        for (String name : names) {
            Class<? extends BinlogEvent> c = EventClasses.byName(name);
            if (c == null) {
                throw new ParameterException(spec.commandLine(), "unknown event class " + name
                        + "; known: " + String.join(", ", EventClasses.names()));
            }
            classes.add(c);
        }
        return classes.toArray(Class[]::new);
    }
}
