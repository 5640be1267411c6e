package org.mysqlreplication.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway certificate authority and a server certificate it signed, as PEM files for a MariaDB server's
 * {@code ssl_ca}, {@code ssl_cert} and {@code ssl_key} (or, as {@link #serverSslContext()}, for a server written
 * in Java such as {@link org.mysqlreplication.testing.replay.MysqlReplayServer}), made with the JDK alone: {@code keytool} (of the running
 * JDK) makes the keys and certificates, and the server's private key is written out as PKCS#8 PEM from its
 * PKCS#12 key store. No {@code openssl} needed.
 *
 * <p>The server certificate names IP address {@code 127.0.0.1} only (no DNS name), so a client checking the
 * host name accepts {@code 127.0.0.1} and refuses {@code localhost}. Both are valid for two days.
 *
 * @param caCertificate the CA's certificate (PEM): what a client trusts
 * @param serverCertificate the server's certificate (PEM), signed by the CA
 * @param serverKey the server's RSA private key (PKCS#8 PEM, unencrypted)
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    private static final String STORE_PASSWORD = "changeit";
    private static final String DAYS = "2";

    /** Makes a new CA and server certificate in {@code dir} (created if missing). */
    public static TestCertificates generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path ca = dir.resolve("ca.p12");
            Path server = dir.resolve("server.p12");
            Path csr = dir.resolve("server.csr");
            Path caPem = dir.resolve("ca.pem");
            Path serverPem = dir.resolve("server-cert.pem");
            Path keyPem = dir.resolve("server-key.pem");
            keytool(
                    "-genkeypair",
                    "-alias",
                    "ca",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    DAYS,
                    "-dname",
                    "CN=mysql-replication test CA",
                    "-ext",
                    "bc:c",
                    "-keystore",
                    ca.toString());
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
            keytool(
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    DAYS,
                    "-dname",
                    "CN=mysql-replication test server",
                    "-keystore",
                    server.toString());
            keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", csr.toString());
            keytool(
                    "-gencert",
                    "-rfc",
                    "-alias",
                    "ca",
                    "-keystore",
                    ca.toString(),
                    "-validity",
                    DAYS,
                    "-ext",
                    "san=ip:127.0.0.1",
                    "-infile",
                    csr.toString(),
                    "-outfile",
                    serverPem.toString());
            writePrivateKey(server, keyPem);
            return new TestCertificates(caPem, serverPem, keyPem);
        } catch (IOException e) {
            throw new LocalMariaDbException("could not write test certificates to " + dir, e);
        }
    }

    /**
     * A TLS context for a server that presents {@link #serverCertificate()} with {@link #serverKey()} (for a
     * server written in Java, such as the replay server; a MariaDB server reads the PEM files itself).
     */
    public SSLContext serverSslContext() {
        try {
            String pem = Files.readString(serverKey, StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            Certificate[] chain = new Certificate[2];
            try (InputStream server = Files.newInputStream(serverCertificate);
                    InputStream ca = Files.newInputStream(caCertificate)) {
                chain[0] = x509.generateCertificate(server);
                chain[1] = x509.generateCertificate(ca);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, STORE_PASSWORD.toCharArray(), chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new LocalMariaDbException(
                    "could not make a TLS context from " + serverCertificate + " and " + serverKey, e);
        }
    }

    private static void writePrivateKey(Path store, Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, STORE_PASSWORD.toCharArray());
            Key key = ks.getKey("server", STORE_PASSWORD.toCharArray());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getEncoded()); // PKCS#8 PrivateKeyInfo
            Files.writeString(
                    pem,
                    "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n",
                    StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new LocalMariaDbException("could not read the server key from " + store, e);
        }
    }

    private static void keytool(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-noprompt"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new LocalMariaDbException(
                        "keytool " + args[0] + " failed:\n" + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new LocalMariaDbException("could not run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalMariaDbException("interrupted while running keytool", e);
        }
    }
}
