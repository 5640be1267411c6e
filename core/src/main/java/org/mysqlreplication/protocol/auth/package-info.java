/**
 * Authentication plugins of the connection phase, one class per plugin behind
 * {@link org.mysqlreplication.protocol.auth.AuthPlugin}, each one side of a conversation of one or more packets:
 * {@code mysql_native_password}, MySQL's {@code caching_sha2_password} (fast path, full authentication over TLS or
 * with the server's RSA key) and {@code sha256_password}, and MariaDB's {@code client_ed25519} (with a small
 * Ed25519 signer, since the JDK's cannot take MariaDB's password-derived secret).
 * {@link org.mysqlreplication.protocol.auth.AuthContext} carries what a plugin may use besides the server's packets.
 */
package org.mysqlreplication.protocol.auth;
