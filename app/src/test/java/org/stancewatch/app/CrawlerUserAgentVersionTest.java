package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.source.CrawlSettings;

/** The crawler's default User-Agent names the version this build is (major.minor), so a release cannot forget it. */
class CrawlerUserAgentVersionTest {

    @Test
    void theDefaultUserAgentCarriesTheProjectsMajorAndMinorVersion() throws Exception {
        Properties versions = new Properties();
        try (InputStream in = CrawlerUserAgentVersionTest.class.getResourceAsStream("/stancewatch-version.properties")) {
            versions.load(in);
        }
        String[] version = versions.getProperty("version").split("[.-]");

        assertThat(CrawlSettings.DEFAULT_USER_AGENT).startsWith("stancewatch/" + version[0] + "." + version[1] + " ");
    }
}
