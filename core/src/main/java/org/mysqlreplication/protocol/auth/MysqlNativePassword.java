package org.mysqlreplication.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.mysqlreplication.net.ProtocolException;

/**
 * {@code mysql_native_password}: the response is
 * {@code SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password)))} over the 20-byte scramble, and empty for an
 * empty password. The server stores {@code SHA1(SHA1(password))} (what {@code PASSWORD()} shows in hex after
 * a {@code *}) and checks the response against it.
 *
 * <p>One step: {@link #start} is the whole conversation. Stateless and thread-safe.
 */
public final class MysqlNativePassword implements AuthPlugin {

    public static final String NAME = "mysql_native_password";
    static final int SCRAMBLE_LENGTH = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] start(byte[] pluginData, AuthContext context) {
        String password = context.password();
        if (password.isEmpty()) {
            return new byte[0];
        }
        if (pluginData.length < SCRAMBLE_LENGTH) {
            throw new ProtocolException(context.where() + ": " + NAME + ": scramble of " + SCRAMBLE_LENGTH
                    + " bytes expected, found " + pluginData.length);
        }
        byte[] scramble = Arrays.copyOf(pluginData, SCRAMBLE_LENGTH); // an auth switch adds a NUL
        MessageDigest sha1 = sha1();
        byte[] stage1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1.digest(stage1);
        sha1.update(scramble);
        byte[] mask = sha1.digest(stage2);
        for (int i = 0; i < stage1.length; i++) {
            stage1[i] ^= mask[i];
        }
        return stage1;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }
}
