package org.mysqlreplication.event.decode;

/**
 * The parts of a server version string the decoder needs: the numeric split ({@code 5.6.1}) and whether it is
 * MariaDB. Decides whether a FORMAT_DESCRIPTION_EVENT carries a checksum-algorithm byte: MySQL 5.6.1 and later,
 * MariaDB 5.3 and later ({@code checksum_version_split} in both sources).
 */
final class ServerVersion {

    private ServerVersion() {}

    /** The first three numbers of the version, missing ones 0. */
    static int[] split(String version) {
        int[] out = new int[3];
        int part = 0;
        int i = 0;
        while (part < 3 && i < version.length()) {
            int v = 0;
            boolean digits = false;
            while (i < version.length() && Character.isDigit(version.charAt(i))) {
                v = v * 10 + (version.charAt(i++) - '0');
                digits = true;
            }
            if (!digits) {
                break;
            }
            out[part++] = v;
            if (i < version.length() && version.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        return out;
    }

    static boolean isMariadb(String version) {
        return ServerFlavor.ofVersion(version) == ServerFlavor.MARIADB;
    }

    /** Whether a FORMAT_DESCRIPTION_EVENT written by this version ends with the checksum-algorithm byte. */
    static boolean hasChecksumAlgorithm(String version) {
        int[] v = split(version);
        int[] min = isMariadb(version) ? new int[] {5, 3, 0} : new int[] {5, 6, 1};
        for (int i = 0; i < 3; i++) {
            if (v[i] != min[i]) {
                return v[i] > min[i];
            }
        }
        return true;
    }
}
