package org.mysqlreplication.testing.replay;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * What every session of one {@link MysqlReplayServer} shares: the binlog files, the accounts, the server's identity,
 * TLS and RSA keys, the cache of accounts that authenticated fully, and what was recorded for the test.
 *
 * @param sslContext null without TLS
 * @param fullyAuthenticated caching_sha2_password's cache: the names of users whose full authentication succeeded
 * @param logins every login seen, in order (a synchronized list)
 * @param replicas the replicas registered (COM_REGISTER_SLAVE) by connections still open
 */
record ServerConfig(
        List<ReplayBinlog> binlogs,
        Map<String, ReplayUser> users,
        String version,
        long serverId,
        String serverUuid,
        ReplayAuthPlugin defaultPlugin,
        SSLContext sslContext,
        KeyPair rsaKeys,
        byte[] publicKeyPem,
        Set<String> fullyAuthenticated,
        AtomicReference<byte[]> lastGtidDump,
        ReplayFaults faults,
        List<ReplayLogin> logins,
        InformationSchema informationSchema,
        ReplayReplicas replicas) {

    /** Whether {@link #version} is at least {@code major.minor.patch}. */
    boolean versionAtLeast(int major, int minor, int patch) {
        return versionAtLeast(version, major, minor, patch);
    }

    static boolean versionAtLeast(String version, int major, int minor, int patch) {
        String[] p = version.split("[^0-9]", 4);
        int[] v = new int[3];
        for (int i = 0; i < 3 && i < p.length; i++) {
            v[i] = p[i].isEmpty() ? 0 : Integer.parseInt(p[i]);
        }
        return v[0] != major ? v[0] > major : v[1] != minor ? v[1] > minor : v[2] >= patch;
    }

    /** The binlog whose checksum the server reports: CRC32 if its first file has checksums. */
    boolean checksummed() {
        return binlogs.get(0).checksummed();
    }
}
