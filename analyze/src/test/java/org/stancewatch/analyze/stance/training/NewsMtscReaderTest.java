package org.stancewatch.analyze.stance.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.model.Polarity;

class NewsMtscReaderTest {

    private static final Path SMALL = Path.of("src/test/resources/newsmtsc/small.jsonl");

    @Test
    void readsSentencesTargetsAndLabelsSkippingBlankLines() {
        List<NewsMtscSentence> sentences = NewsMtscReader.read(SMALL);

        assertThat(sentences).hasSize(3);
        NewsMtscSentence second = sentences.get(1);
        assertThat(second.targets()).extracting(NewsMtscTarget::mention).containsExactly("NATO", "Moscow");
        assertThat(second.targets()).extracting(NewsMtscTarget::polarity).containsExactly(Polarity.POSITIVE, Polarity.NEUTRAL);
        assertThat(second.sentence().substring(second.targets().get(1).from(), second.targets().get(1).to())).isEqualTo("Moscow");
    }

    @Test
    void theArticleIsTheMiddleNumbersOfTheId() {
        List<NewsMtscSentence> sentences = NewsMtscReader.read(SMALL);

        assertThat(sentences.get(0).articleKey()).isEqualTo("allsides_1_10");
        assertThat(sentences.get(1).articleKey()).isEqualTo("allsides_1_10");
        assertThat(sentences.get(2).articleKey()).isEqualTo("polusa_v1_555_-1");
    }

    @Test
    void aSpanOutsideTheSentenceNamesTheLine() {
        assertThatThrownBy(() -> NewsMtscReader.read(Path.of("src/test/resources/newsmtsc/bad-span.jsonl")))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("0..60");
    }

    @Test
    void aLineThatIsNotJsonNamesTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, Files.readString(SMALL) + "{not json\n");

        assertThatThrownBy(() -> NewsMtscReader.read(file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("line 5").hasMessageContaining("not JSON");
    }

    @Test
    void polarityCodesMapBothWays() {
        for (Polarity polarity : Polarity.values()) {
            assertThat(NewsMtscTarget.fromCode(NewsMtscTarget.code(polarity))).isEqualTo(polarity);
        }
        assertThat(NewsMtscTarget.code(Polarity.NEGATIVE)).isEqualTo(2.0);
        assertThat(NewsMtscTarget.code(Polarity.POSITIVE)).isEqualTo(6.0);
    }
}
