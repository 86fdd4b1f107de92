package org.stancewatch.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Kafka client settings every stage takes alike, for a secured cluster: a properties file in
 * Kafka's own client format (the one its tools read with {@code --command-config}), e.g.
 * {@code security.protocol=SASL_SSL}, {@code sasl.mechanism}, {@code sasl.jaas.config},
 * {@code ssl.truststore.location}. Each stage adds these to its producers, consumers, admin
 * clients and Kafka Streams applications; its own settings (bootstrap servers, guarantees) win.
 */
public final class KafkaClientProperties {
    private KafkaClientProperties() {}

    /**
     * The properties of the file.
     *
     * @throws IllegalArgumentException when the file cannot be read, saying which
     */
    public static Map<String, String> load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the Kafka client properties file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the Kafka client properties file " + file + ": "
                    + e.getMessage(), e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).strip()));
        return values;
    }

    /** The connection settings among {@code properties}: security, SASL and TLS. */
    public static Map<String, String> connectionOf(Map<String, ?> properties) {
        Map<String, String> connection = new TreeMap<>();
        properties.forEach((name, value) -> {
            if (name.equals("security.protocol") || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                connection.put(name, String.valueOf(value));
            }
        });
        return connection;
    }

    /**
     * A warning when the properties send a password in clear text (SASL PLAIN without TLS), else
     * empty.
     */
    public static String cleartextWarning(Map<String, ?> properties) {
        String protocol = valueOr(properties, "security.protocol", "PLAINTEXT");
        String mechanism = valueOr(properties, "sasl.mechanism", "GSSAPI");
        if (protocol.equals("SASL_PLAINTEXT") && mechanism.equals("PLAIN")) {
            return "Kafka credentials go over the network in clear text (SASL PLAIN over SASL_PLAINTEXT): "
                    + "use security.protocol=SASL_SSL outside a trusted network";
        }
        return "";
    }

    private static String valueOr(Map<String, ?> properties, String name, String otherwise) {
        Object value = properties.get(name);
        return (value == null ? otherwise : value.toString().strip()).toUpperCase(Locale.ROOT);
    }
}
