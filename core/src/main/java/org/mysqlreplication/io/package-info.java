/**
 * Byte-level reading: {@link org.mysqlreplication.io.ByteReader}. Depends on nothing but the exception root.
 */
package org.mysqlreplication.io;
