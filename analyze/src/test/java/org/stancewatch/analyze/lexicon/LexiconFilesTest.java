package org.stancewatch.analyze.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconFilesTest {

    @Test
    void withoutLocalConfigTheBundledCopiesAreUsed() {
        // Tests run in analyze/, which has no config/ folder of its own.
        assertThat(Path.of("config", "actors.yml")).doesNotExist();

        LexiconFiles.Lexicons lexicons = LexiconFiles.load(null, null);

        assertThat(lexicons.actorsSource()).isEqualTo("bundled actors.yml");
        assertThat(lexicons.topicsSource()).isEqualTo("bundled topics.yml");
        assertThat(lexicons.actors().find("russia")).isPresent();
    }

    @Test
    void anExplicitFileWins(@TempDir Path dir) throws IOException {
        Path actors = dir.resolve("actors.yml");
        Files.writeString(actors, """
                actors:
                  - id: russia
                    name: Russia
                    kind: country
                    aliases: [Russia]
                """);
        Path topics = dir.resolve("topics.yml");
        Files.writeString(topics, """
                topics:
                  - id: reset
                    name: Reset
                    patterns: [reset]
                """);

        LexiconFiles.Lexicons lexicons = LexiconFiles.load(actors, topics);

        assertThat(lexicons.actors().actors()).hasSize(1);
        assertThat(lexicons.actorsSource()).isEqualTo(actors.toString());
    }

    @Test
    void aMissingExplicitFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> LexiconFiles.load(dir.resolve("nope.yml"), null))
                .isInstanceOf(LexiconException.class)
                .hasMessageContaining("nope.yml").hasMessageContaining("no such file");
    }
}
