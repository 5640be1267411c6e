/**
 * Test support: a throwaway local MariaDB server for integration tests and demos.
 */
package org.mysqlreplication.testing;
