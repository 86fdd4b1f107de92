package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the build fetches is what was meant: the Maven it runs and the libraries it ships. */
class SupplyChainTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
            Path.of("..").toAbsolutePath().normalize().toString()));

    @Test
    void theMavenWrapperChecksTheDistributionItDownloads() throws Exception {
        Properties wrapper = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(in);
        }

        assertThat(wrapper.getProperty("distributionSha256Sum")).matches("[0-9a-f]{64}");
    }

    @Test
    void vulnerableTransitiveVersionsAreOverridden() {
        // Guava 18 came with the language detector, commons-lang3 3.3.1 with CoreNLP
        assertThat(versionOf(com.google.common.base.Preconditions.class, "guava")).isGreaterThanOrEqualTo(32);
        assertThat(versionOf(org.apache.commons.lang3.StringUtils.class, "commons-lang3")).isGreaterThanOrEqualTo(318);
    }

    /** The version in the name of the jar a class was loaded from, as major * 100 + minor (or major for Guava). */
    private static int versionOf(Class<?> type, String artifact) {
        String jar = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        Matcher version = Pattern.compile(artifact + "-(\\d+)\\.(\\d+)").matcher(jar);
        assertThat(version.find()).as(jar).isTrue();
        int major = Integer.parseInt(version.group(1));
        return artifact.equals("guava") ? major : major * 100 + Integer.parseInt(version.group(2));
    }
}
