/**
 * Authentication plugins of the connection phase, one class per plugin behind
 * {@link org.mysqlreplication.protocol.auth.AuthPlugin}: {@code mysql_native_password} and MariaDB's
 * {@code client_ed25519} (with a small Ed25519 signer, since the JDK's cannot take MariaDB's password-derived
 * secret).
 */
package org.mysqlreplication.protocol.auth;
