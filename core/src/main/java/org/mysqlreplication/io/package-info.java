/**
 * Byte-level reading: {@link org.mysqlreplication.io.ByteReader}, a cursor over an array; {@link
 * org.mysqlreplication.io.SpillFile}s, temporary files that hold rows events too large for the heap, made and
 * released by {@link org.mysqlreplication.io.SpillFiles}; and {@link org.mysqlreplication.io.Payload}, what the
 * layers hand each other: the bytes of one packet or event and, for a large one, its spill file with them. Depends on
 * nothing but the exception root.
 *
 * <p>Spill files live here, beside the cursor, because every layer touches them: the packet reader writes them,
 * the file reader copies into them, the decoders read them and large values stream from them. They are the one
 * place this package hands out an {@link java.io.InputStream}: a value larger than an array can only be a stream.
 */
package org.mysqlreplication.io;
