package org.mysqlreplication.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Runs SQL through the server's own command-line client over the Unix socket, so that tests have a way to
 * set up data and read it back that shares no code with this library. Results are read in the client's
 * XML form, which tells SQL NULL apart from the string {@code NULL}.
 *
 * <p>Thread-safe: every call starts its own client process.
 */
final class MariaDbCommandLine {

    private final Path client;
    private final Path socket;

    MariaDbCommandLine(Path client, Path socket) {
        this.client = client;
        this.socket = socket;
    }

    String run(String sql, boolean xml) {
        List<String> cmd = new ArrayList<>(List.of(
                client.toString(),
                "--no-defaults",
                "--socket=" + socket,
                "--user=root",
                "--batch",
                "--default-character-set=utf8mb4"));
        if (xml) {
            cmd.add("--xml");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(false);
        try {
            Process p = pb.start();
            p.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LocalMariaDbException("the mariadb client did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new LocalMariaDbException("SQL failed (mariadb client exit " + p.exitValue() + "): "
                        + new String(err, StandardCharsets.UTF_8).trim());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalMariaDbException("could not run " + client, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalMariaDbException("interrupted while running the mariadb client", e);
        }
    }

    List<List<String>> query(String sql) {
        String xml = run(sql, true);
        if (xml.isBlank()) {
            return List.of();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setExpandEntityReferences(false);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            List<List<String>> rows = new ArrayList<>();
            NodeList rowNodes = doc.getElementsByTagName("row");
            for (int i = 0; i < rowNodes.getLength(); i++) {
                NodeList fields = ((Element) rowNodes.item(i)).getElementsByTagName("field");
                List<String> row = new ArrayList<>();
                for (int j = 0; j < fields.getLength(); j++) {
                    Element field = (Element) fields.item(j);
                    boolean isNull =
                            "true".equals(field.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"));
                    row.add(isNull ? null : field.getTextContent());
                }
                rows.add(row);
            }
            return rows;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new LocalMariaDbException("could not read the mariadb client's XML output", e);
        }
    }
}
