package org.stancewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerJarsTest {

    @Test
    void theBuildRecordsKafkasServerJars() {
        assertThat(ServerJars.load(ServerJars.KAFKA))
                .anySatisfy(jar -> assertThat(jar.getFileName().toString()).startsWith("kafka_2.13-4.3.1"))
                .allSatisfy(jar -> assertThat(Files.isRegularFile(jar)).isTrue());
    }

    @Test
    void theBuildRecordsElasticsearchWithItsNetty4Module() {
        assertThat(ServerJars.load(ServerJars.ELASTICSEARCH)).extracting(jar -> jar.getFileName().toString())
                .anyMatch(name -> name.startsWith("elasticsearch-9."))
                .anyMatch(name -> name.startsWith("transport-netty4-"));
    }

    @Test
    void aMissingListSaysHowToRebuild() {
        assertThatThrownBy(() -> ServerJars.load("no/such/server.classpath"))
                .hasMessageContaining("./mvnw install");
    }

    @Test
    void theLauncherJarIsFoundFromItsResource() {
        Path location = ServerJars.codeLocationOfResource(ServerJars.ELASTICSEARCH);

        assertThat(location.resolve(ServerJars.ELASTICSEARCH)).satisfiesAnyOf(
                path -> assertThat(Files.exists(path)).isTrue(), // a classes folder
                path -> assertThat(location.toString()).endsWith(".jar"));
    }
}
