/**
 * Column types and the decoding of row values from their binlog encoding into standard Java types.
 */
package org.mysqlreplication.value;
