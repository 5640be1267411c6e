package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TableMapOptionalMetadata;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.schema.SchemaMismatchException;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnMetadata;
import org.mysqlreplication.value.ColumnType;

/**
 * TABLE_MAP_EVENT: table id (6, or 4 when the post-header is 6), flags (2); schema length (1), schema, NUL, table
 * length (1), table, NUL, column count (length-encoded), column types (1 each), metadata length
 * (length-encoded) and block, null bitmap, then optional metadata fields to the end. Registers the table and its
 * resolved schema in the context.
 */
final class TableMapDecoder implements BodyDecoder {

    /** The schema of a table whose rows are not handed out: what its TABLE_MAP says, nothing asked elsewhere. */
    private static final TableSchemaResolver TABLE_MAP_ONLY = new TableMapSchemaResolver();

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int postHeader = ctx.postHeaderLength(EventType.TABLE_MAP_EVENT.code(), 8);
        long tableId = RowsPostHeader.tableIdLength(postHeader) == 4 ? body.readUint32() : body.readUint48();
        int flags = body.readUint16();
        body.skip(Math.max(0, postHeader - 8));
        String schema = readName(body, "schema");
        String table = readName(body, "table");
        int count = body.readLenencCount(body.remaining()); // one type byte per column follows
        ColumnType[] types = new ColumnType[count];
        for (int i = 0; i < count; i++) {
            int code = body.readUint8();
            types[i] = ColumnType.ofCode(code);
            if (types[i] == null) {
                throw new BodyFormatException("column " + i + " has unknown type code " + code);
            }
        }
        if (!body.hasRemaining() && count > 0) {
            throw new BodyFormatException("TABLE_MAP without column metadata (the MySQL 5.1 pre-GA layout, before"
                    + " 5.1.18) is not supported");
        }
        ByteReader metaBlock = body.slice(body.readLenencLength());
        int[] meta = ColumnMetadata.read(metaBlock, types);
        if (metaBlock.hasRemaining()) {
            throw new BodyFormatException("column metadata block has " + metaBlock.remaining() + " byte(s) left after "
                    + count + " column(s)");
        }
        BitSet nullable = body.readBitmap(count);
        if (nullable.length() > count) {
            nullable.clear(count, nullable.length());
        }
        TableMapOptionalMetadata optional = OptionalMetadataDecoder.decode(body);
        TableMapEvent event = new TableMapEvent(
                header, tableId, flags, schema, table, Arrays.asList(types), meta, nullable, optional);
        TableSchema resolved;
        TableSchemaResolver resolver = ctx.resolves(schema, table) ? ctx.resolver() : TABLE_MAP_ONLY;
        try {
            resolved = resolver.resolve(event, ServerFlavor.of(ctx.formatDescription()));
        } catch (SchemaMismatchException e) {
            throw e; // the event's own problem: it gets the event's location
        } catch (BinlogException e) {
            throw new SchemaResolverFailure(e); // a typed failure of the resolver's own: it comes out as it is
        }
        if (resolved == null || resolved.columns().size() != count) {
            throw new BodyFormatException("schema resolver gave "
                    + (resolved == null ? "no schema" : resolved.columns().size() + " column(s)")
                    + " for a table map of " + count + " column(s)");
        }
        ctx.putTableMap(event, resolved);
        return event;
    }

    private static String readName(ByteReader body, String what) {
        String name = body.readString(body.readUint8(), StandardCharsets.UTF_8);
        int nul = body.readUint8();
        if (nul != 0) {
            throw new BodyFormatException(what + " name not followed by NUL: found 0x" + Integer.toHexString(nul));
        }
        return name;
    }
}
