package org.mysqlreplication.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbBinariesTest {

    @Test
    void missingServerNamesThePackageToInstall(@TempDir Path empty) {
        assertThatThrownBy(() -> MariaDbBinaries.locateIn(List.of(empty)))
                .isInstanceOf(LocalMariaDbException.class)
                .hasMessageContaining("mariadbd not found")
                .hasMessageContaining("apt-get install mariadb-server");
    }

    @Test
    void prefersMariadbNamesAndFallsBackToMysqlNames(@TempDir Path dir) throws IOException {
        for (String name : List.of("mysqld", "mariadbd", "mysql_install_db", "mysql")) {
            Path p = Files.createFile(dir.resolve(name));
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        MariaDbBinaries b = MariaDbBinaries.locateIn(List.of(dir));
        assertThat(b.server()).isEqualTo(dir.resolve("mariadbd"));
        assertThat(b.installDb()).isEqualTo(dir.resolve("mysql_install_db"));
        assertThat(b.client()).isEqualTo(dir.resolve("mysql"));
    }
}
