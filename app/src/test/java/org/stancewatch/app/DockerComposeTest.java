package org.stancewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked: against the
 * Compose specification's schema, and against what the application reads.
 */
class DockerComposeTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
            Path.of("..").toAbsolutePath().normalize().toString()));
    /** Read by the JVM itself, not by stancewatch: allowed in the stages' environment. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final List<String> STAGES = List.of("ingest", "analyze", "index", "kibana-setup");

    private static JsonNode compose;

    @BeforeAll
    static void readCompose() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void composeFileIsValidAgainstTheComposeSpecification() throws IOException {
        Path schemaFile = ROOT.resolve("../shared/schemas/compose-spec.json").normalize();
        assumeTrue(Files.isRegularFile(schemaFile),
                "skipped: the Compose schema is not beside this clone (" + schemaFile + ")");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(schemaFile.toUri(), new ObjectMapper().readTree(schemaFile.toFile()));

        Set<ValidationMessage> errors = schema.validate(compose);

        assertThat(errors).extracting(ValidationMessage::getMessage).isEmpty();
    }

    @Test
    void stagesGetOnlyEnvironmentVariablesTheApplicationReads() {
        Set<String> read = Arrays.stream(Environment.values()).map(Enum::name).collect(Collectors.toSet());
        read.addAll(JVM_VARIABLES);

        for (String stage : STAGES) {
            Set<String> given = new HashSet<>();
            compose.at("/services/" + stage + "/environment").fieldNames().forEachRemaining(given::add);
            assertThat(given).as("environment of %s", stage).isNotEmpty().isSubsetOf(read);
        }
    }

    @Test
    void eachStageIsToldWhereItsServersAre() {
        assertThat(environment("ingest")).contains("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(environment("analyze")).contains("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(environment("index")).contains("KAFKA_BOOTSTRAP_SERVERS", "ELASTICSEARCH_URL");
        assertThat(environment("kibana-setup")).contains("KIBANA_URL");
    }

    @Test
    void serverAddressesNameServicesOfThisFile() {
        Set<String> services = new HashSet<>();
        compose.get("services").fieldNames().forEachRemaining(services::add);
        List<String> hosts = new ArrayList<>();
        for (String stage : STAGES) {
            JsonNode environment = compose.at("/services/" + stage + "/environment");
            for (String variable : List.of("KAFKA_BOOTSTRAP_SERVERS", "ELASTICSEARCH_URL", "KIBANA_URL")) {
                if (environment.has(variable)) {
                    String address = environment.get(variable).asText();
                    hosts.add(address.contains("://") ? URI.create(address).getHost() : address.split(":")[0]);
                }
            }
        }

        assertThat(hosts).isNotEmpty().allSatisfy(host -> assertThat(services).contains(host));
    }

    @Test
    void kibanaSetupCreatesTheIndicesAndWaitsBoundedForHealthyElasticsearchAndAvailableKibana() {
        JsonNode setup = compose.at("/services/kibana-setup");
        List<String> command = new ArrayList<>();
        setup.path("command").forEach(c -> command.add(c.asText()));
        assertThat(command).startsWith("kibana", "setup").contains("--indices", "--wait");
        assertThat(command.get(command.indexOf("--wait") + 1)).matches("\\d+[sm]");
        assertThat(setup.at("/depends_on/elasticsearch/condition").asText()).isEqualTo("service_healthy");
        assertThat(setup.at("/depends_on/kibana/condition").asText()).isEqualTo("service_healthy");
        assertThat(environment("kibana-setup")).contains("ELASTICSEARCH_URL", "KIBANA_URL");
        assertThat(compose.at("/services/kibana/healthcheck/test").toString()).contains("/api/status");
        assertThat(compose.at("/services/elasticsearch/healthcheck/test").toString()).contains("_cluster/health");
    }

    @Test
    void serversAreTheOfficialImagesOfTheRightMajorVersions() {
        assertThat(image("kafka")).startsWith("apache/kafka:4.");
        assertThat(image("elasticsearch")).startsWith("docker.elastic.co/elasticsearch/elasticsearch:9.");
        assertThat(image("kibana")).startsWith("docker.elastic.co/kibana/kibana:9.");
        assertThat(compose.at("/services/elasticsearch/environment/discovery.type").asText()).isEqualTo("single-node");
        assertThat(compose.at("/services/elasticsearch/environment/xpack.security.enabled").asText()).isEqualTo("false");
    }

    @Test
    void publishedPortsListenOnLoopbackOnlySinceSecurityIsOff() {
        List<String> published = new ArrayList<>();
        compose.get("services").forEach(service -> service.path("ports").forEach(port -> published.add(port.asText())));

        assertThat(published).isNotEmpty().allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
    }

    @Test
    void baseImagesArePinnedToAReleaseNotAFloatingTag() throws IOException {
        List<String> from = Files.readAllLines(ROOT.resolve("Dockerfile")).stream()
                .filter(line -> line.startsWith("FROM ")).toList();

        assertThat(from).isNotEmpty().allSatisfy(line -> assertThat(line).matches("FROM [\\w./-]+:\\d+\\.\\d+\\.\\d+.*"));
        compose.get("services").forEach(service -> {
            if (service.has("image") && !service.has("build") && !service.get("image").asText().startsWith("stancewatch")) {
                assertThat(service.get("image").asText()).matches(".+:\\d+\\.\\d+\\.\\d+");
            }
        });
    }

    @Test
    void stagesRunTheImageBuiltFromTheMultiStageDockerfile() throws IOException {
        assertThat(compose.at("/services/ingest/build").asText()).isEqualTo(".");
        for (String stage : STAGES) {
            assertThat(image(stage)).as(stage).isEqualTo(image("ingest"));
        }
        List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile.stream().filter(line -> line.startsWith("FROM "))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(dockerfile).anyMatch(line -> line.contains("./mvnw"));
    }

    private static Set<String> environment(String service) {
        Set<String> names = new HashSet<>();
        compose.at("/services/" + service + "/environment").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String image(String service) {
        return compose.at("/services/" + service + "/image").asText();
    }
}
