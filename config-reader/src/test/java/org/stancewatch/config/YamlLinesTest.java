package org.stancewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlLinesTest {
    private static final String YAML = """
            sources:
              - name: one
                feeds:
                  - https://example.org/feed
              - name: two
                maxAge: 2h
            """;

    @Test
    void findsTheLineOfKeysValuesAndListEntries() throws IOException {
        YamlLines lines = YamlLines.of(YAML.getBytes(StandardCharsets.UTF_8));

        assertThat(lines.lineOf(JsonPointer.compile("/sources"))).isEqualTo(1);
        assertThat(lines.lineOf(JsonPointer.compile("/sources/0/feeds/0"))).isEqualTo(4);
        assertThat(lines.lineOf(JsonPointer.compile("/sources/1"))).isEqualTo(5);
        assertThat(lines.lineOf(JsonPointer.compile("/sources/1/maxAge"))).isEqualTo(6);
    }

    @Test
    void aMissingNodeHasTheLineOfItsNearestEnclosingNode() throws IOException {
        YamlLines lines = YamlLines.of(YAML.getBytes(StandardCharsets.UTF_8));

        assertThat(lines.lineOf(JsonPointer.compile("/sources/1/language"))).isEqualTo(5);
        assertThat(YamlLines.none().lineOf(JsonPointer.compile("/sources"))).isZero();
    }

    @Test
    void aKeyWrittenTwiceIsAnError() {
        byte[] twice = "name: a\nname: b\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> YamlLines.of(twice)).isInstanceOf(IOException.class)
                .hasMessageContaining("name");
    }
}
