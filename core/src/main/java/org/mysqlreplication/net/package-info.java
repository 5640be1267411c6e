/**
 * Socket transport for the client/server protocol: {@link org.mysqlreplication.net.PacketChannel} frames
 * packets (3-byte length, sequence id, reassembly of payloads of 16 MiB and more), and the two failures of
 * this layer: {@link org.mysqlreplication.net.ConnectionException} (I/O) and
 * {@link org.mysqlreplication.net.ProtocolException} (a peer that breaks the framing or packet rules).
 *
 * <p>{@code ProtocolException} lives here rather than in {@code protocol} so that {@code protocol} depends on
 * {@code net} and not the other way round: the framing layer throws it first.
 */
package org.mysqlreplication.net;
