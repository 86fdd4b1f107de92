package org.stancewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {

    @Test
    void aClientPropertiesFileIsReadAsKafkaToolsReadIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, """
                # the cluster's credentials
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                    username="crawler" password="secret";
                ssl.truststore.location = /etc/kafka/truststore.p12
                """);

        Map<String, String> properties = KafkaClientProperties.load(file);

        assertThat(properties).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                        + "required username=\"crawler\" password=\"secret\";");
        assertThat(KafkaClientProperties.cleartextWarning(properties)).isEmpty();
    }

    @Test
    void aMissingFileIsAnErrorThatNamesIt(@TempDir Path dir) {
        assertThatThrownBy(() -> KafkaClientProperties.load(dir.resolve("nope.properties")))
                .hasMessageContaining("nope.properties").hasMessageContaining("does not exist");
    }

    @Test
    void onlyConnectionSettingsAreTakenForAdminClients() {
        Map<String, String> connection = KafkaClientProperties.connectionOf(Map.of("security.protocol", "SSL",
                "ssl.truststore.location", "/t.p12", "sasl.mechanism", "PLAIN", "num.stream.threads", "4"));

        assertThat(connection).containsOnlyKeys("security.protocol", "ssl.truststore.location", "sasl.mechanism");
    }

    @Test
    void aPasswordInClearTextIsWarnedAbout() {
        assertThat(KafkaClientProperties.cleartextWarning(Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN"))).contains("clear text");
    }
}
