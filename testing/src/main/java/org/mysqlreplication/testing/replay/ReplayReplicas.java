package org.mysqlreplication.testing.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The replicas registered with a {@link MysqlReplayServer}, as MySQL keeps them for {@code SHOW REPLICAS}: each
 * COM_REGISTER_SLAVE (server id, host, user, password, port, rank, source id) registers its connection until that
 * connection ends. The UUID shown is read when asked, as MySQL's {@code get_replica_uuid} reads it, from the
 * registering session's {@code @replica_uuid}, else its {@code @slave_uuid}; empty when it set neither.
 *
 * <p>Thread-safe: sessions register and leave from their own threads.
 */
final class ReplayReplicas {

    /** One registration: what COM_REGISTER_SLAVE said, and the session whose user variables hold the UUID. */
    private record Replica(long serverId, String host, int port, QueryAnswers session) {}

    private final Map<Long, Replica> byConnection = new ConcurrentSkipListMap<>();

    /** Registers connection {@code connectionId} from a COM_REGISTER_SLAVE payload (after its command byte). */
    void register(long connectionId, PayloadIn cmd, QueryAnswers session) {
        long serverId = cmd.intN(4);
        String host = new String(cmd.bytes(cmd.int8()), StandardCharsets.UTF_8);
        cmd.skip(cmd.int8()); // user
        cmd.skip(cmd.int8()); // password
        int port = (int) cmd.intN(2);
        byConnection.put(connectionId, new Replica(serverId, host, port, session));
    }

    void leave(long connectionId) {
        byConnection.remove(connectionId);
    }

    /** {@code SHOW REPLICAS} (MySQL 8.0.22+): Server_Id, Host, Port, Source_Id, Replica_UUID. */
    TextResult showReplicas(long sourceId) {
        return new TextResult(List.of("Server_Id", "Host", "Port", "Source_Id", "Replica_UUID"), rows(sourceId));
    }

    /** {@code SHOW SLAVE HOSTS} (before MySQL 8.4): the same rows under the older column names. */
    TextResult showSlaveHosts(long sourceId) {
        return new TextResult(List.of("Server_id", "Host", "Port", "Master_id", "Slave_UUID"), rows(sourceId));
    }

    private List<List<String>> rows(long sourceId) {
        List<List<String>> rows = new ArrayList<>();
        for (Replica r : byConnection.values()) {
            String uuid = r.session().userVariable("replica_uuid");
            uuid = uuid != null ? uuid : r.session().userVariable("slave_uuid");
            rows.add(List.of(
                    Long.toString(r.serverId()),
                    r.host(),
                    Integer.toString(r.port()),
                    Long.toString(sourceId),
                    uuid != null ? uuid : ""));
        }
        return rows;
    }
}
