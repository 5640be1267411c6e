package org.mysqlreplication.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version of the pom this command was built from, which the build writes into the
 * resource {@code version.properties} (resource filtering), so the two cannot disagree.
 *
 * <p>Stateless and thread-safe.
 */
final class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {Main.NAME + " " + version()};
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
