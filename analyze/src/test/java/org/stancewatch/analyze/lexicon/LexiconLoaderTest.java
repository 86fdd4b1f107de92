package org.stancewatch.analyze.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LexiconLoaderTest {

    private static final String ACTORS = """
            actors:
              - id: russia
                name: Russia
                kind: country
                aliases: [Russia]
                metonyms: [the Kremlin]
              - id: lavrov
                name: Sergei Lavrov
                kind: person
                aliases: [Lavrov]
                speaksFor:
                  - {actor: russia, role: foreign minister, from: 2004}
            """;

    @Test
    void readsActorsWithOffices() {
        ActorLexicon lexicon = LexiconLoader.actors("actors.yml", ACTORS);

        assertThat(lexicon.actors()).extracting(Actor::id).containsExactly("russia", "lavrov");
        Actor lavrov = lexicon.find("lavrov").orElseThrow();
        assertThat(lavrov.kind()).isEqualTo(ActorKind.PERSON);
        assertThat(lavrov.speaksForIn(2010)).contains("russia");
        assertThat(lavrov.speaksForIn(2003)).isEmpty();
        assertThat(lexicon.find("russia").orElseThrow().fullForms()).containsExactly("Russia", "the Kremlin");
    }

    @Test
    void misspeltFieldNamesLineAndField() {
        String yaml = ACTORS.replace("    metonyms: [the Kremlin]", "    metonym: [the Kremlin]");

        assertThatThrownBy(() -> LexiconLoader.actors("actors.yml", yaml))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.field()).isEqualTo("actors[0].metonym");
                })
                .hasMessageStartingWith("actors.yml line 6, field actors[0].metonym");
    }

    @Test
    void yearThatIsNotANumberNamesLineAndField() {
        String yaml = ACTORS.replace("from: 2004", "from: soon");

        assertThatThrownBy(() -> LexiconLoader.actors("actors.yml", yaml))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.line()).isEqualTo(12);
                    assertThat(e.field()).isEqualTo("actors[1].speaksFor[0].from");
                });
    }

    @Test
    void officeOfUnknownActorNamesLineAndField() {
        String yaml = ACTORS.replace("{actor: russia,", "{actor: rusia,");

        assertThatThrownBy(() -> LexiconLoader.actors("actors.yml", yaml))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.line()).isEqualTo(12);
                    assertThat(e.field()).isEqualTo("actors[1].speaksFor[0].actor");
                })
                .hasMessageContaining("unknown actor 'rusia'");
    }

    @Test
    void officeEndingBeforeItStartsIsRejected() {
        String yaml = ACTORS.replace("from: 2004}", "from: 2004, to: 2001}");

        assertThatThrownBy(() -> LexiconLoader.actors("actors.yml", yaml))
                .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.field()).isEqualTo("actors[1].speaksFor[0].to"))
                .hasMessageContaining("ends (2001) before it starts (2004)");
    }

    @Test
    void duplicateIdNamesTheSecondEntry() {
        String yaml = ACTORS.replace("id: lavrov", "id: russia");

        assertThatThrownBy(() -> LexiconLoader.actors("actors.yml", yaml))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.field()).isEqualTo("actors[1].id");
                })
                .hasMessageContaining("listed twice");
    }

    @Test
    void actorWithoutAnyNameIsRejected() {
        String yaml = ACTORS.replace("    aliases: [Russia]\n    metonyms: [the Kremlin]\n", "");

        assertThatThrownBy(() -> LexiconLoader.actors("actors.yml", yaml))
                .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.field()).isEqualTo("actors[0].aliases"))
                .hasMessageContaining("no aliases, demonyms or metonyms");
    }

    @Test
    void unknownKindSaysWhatIsAllowed() {
        String yaml = ACTORS.replace("kind: country", "kind: empire");

        assertThatThrownBy(() -> LexiconLoader.actors("actors.yml", yaml))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("actors[0].kind");
                })
                .hasMessageContaining("country, alliance, institution, group or person");
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorWithItsLine() {
        String yaml = ACTORS.replace("    kind: country\n", "    kind: country\n    name: Russian Federation\n");

        assertThatThrownBy(() -> LexiconLoader.actors("actors.yml", yaml))
                .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.line()).isEqualTo(5))
                .hasMessageContaining("name");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> LexiconLoader.actors("actors.yml", "actors:\n\t- id: russia\n"))
                .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.line()).isPositive())
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void topicNamingUnknownActorNamesLineAndField() {
        ActorLexicon actors = LexiconLoader.actors("actors.yml", ACTORS);
        String topics = """
                topics:
                  - id: reset
                    name: The reset
                    patterns: [reset]
                    requiresActors: [russia, usa]
                """;

        assertThatThrownBy(() -> LexiconLoader.topics("topics.yml", topics, actors))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("topics[0].requiresActors[1]");
                })
                .hasMessageContaining("unknown actor 'usa'");
    }

    @Test
    void shippedFilesLoadAndCoverTheResetDomain() throws IOException {
        Path config = Path.of("..", "config");
        ActorLexicon actors = LexiconLoader.actors("actors.yml", Files.readString(config.resolve("actors.yml")));
        TopicLexicon topics = LexiconLoader.topics("topics.yml", Files.readString(config.resolve("topics.yml")), actors);

        assertThat(actors.find("russia").orElseThrow().metonyms()).contains("the Kremlin", "Moscow");
        assertThat(actors.find("us").orElseThrow().metonyms()).contains("Washington", "the White House");
        assertThat(actors.find("rasmussen").orElseThrow().speaksForIn(2011)).contains("nato");
        assertThat(actors.find("rasmussen").orElseThrow().speaksForIn(2015)).isEmpty();
        assertThat(actors.find("putin").orElseThrow().speaksForIn(2010)).contains("russia");
        assertThat(actors.find("gadhafi").orElseThrow().speaksForIn(2011)).contains("libya");
        assertThat(topics.topics()).extracting(TopicDefinition::id).contains("reset", "missile-defense", "arms-control",
                "iran-nuclear", "afghanistan", "libya", "syria", "european-security-treaty", "wto-accession", "energy",
                "georgia");
    }
}
