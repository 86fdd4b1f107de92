package org.stancewatch.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: the build's version, and the versions of the engines it talks to. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties versions = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/stancewatch-version.properties")) {
            versions.load(in);
        }
        return new String[] {
            "stancewatch " + versions.getProperty("version"),
            "Kafka clients " + versions.getProperty("kafka") + ", Elasticsearch client "
                    + versions.getProperty("elasticsearch-java") + ", CoreNLP " + versions.getProperty("corenlp"),
            "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
        };
    }
}
