package org.stancewatch.analyze.stance.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stancewatch.analyze.stance.CharSpan;
import org.stancewatch.analyze.stance.transformer.EncodedSequence.TargetPieces;

/** The input contract: how sentences and target spans become the model's sequences, with the shipped tokenizer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StanceInputsTest {

    private static final long CLS = 101;
    private static final long SEP = 102;

    private WordPieceTokenizer tokenizer;

    @BeforeAll
    void load() {
        tokenizer = WordPieceTokenizer.read(getClass().getClassLoader().getResourceAsStream(
                TransformerStanceModel.RESOURCE_FOLDER + "tokenizer.json"), "the shipped tokenizer.json");
    }

    @AfterAll
    void close() {
        tokenizer.close();
    }

    private StanceInputs inputs(InputMode mode, int maxTokens) {
        return new StanceInputs(tokenizer, mode, maxTokens);
    }

    private static CharSpan span(String sentence, String target) {
        int from = sentence.indexOf(target);
        return new CharSpan(from, from + target.length());
    }

    /** The pieces of a target in a sequence, as ids. */
    private static long[] piecesOf(EncodedSequence sequence, TargetPieces target) {
        return Arrays.copyOfRange(sequence.ids(), target.from(), target.to());
    }

    @Test
    void aPairIsTheSentenceThenTheTargetWithTheTargetMarkedInTheSentence() {
        String sentence = "NATO condemned Russia.";
        List<EncodedSequence> sequences = inputs(InputMode.PAIR, 128).encode(sentence, List.of(span(sentence, "Russia")));

        assertThat(sequences).hasSize(1);
        EncodedSequence pair = sequences.getFirst();
        long[] russia = tokenizer.split("Russia").ids();
        long[] expected = concat(new long[] {CLS}, tokenizer.split(sentence).ids(), new long[] {SEP}, russia,
                new long[] {SEP});
        assertThat(pair.ids()).containsExactly(expected);
        int firstSegment = expected.length - russia.length - 1;
        for (int i = 0; i < expected.length; i++) {
            assertThat(pair.typeIds()[i]).as("segment of piece " + i).isEqualTo(i < firstSegment ? 0L : 1L);
        }
        assertThat(piecesOf(pair, pair.targets().getFirst())).containsExactly(russia);
    }

    @Test
    void theSentenceLayoutAsksAboutAllTargetsInOneSequence() {
        String sentence = "NATO condemned Russia, and the Kremlin answered NATO.";
        List<CharSpan> targets = List.of(span(sentence, "Russia"), span(sentence, "Kremlin"), new CharSpan(0, 4));
        List<EncodedSequence> sequences = inputs(InputMode.SENTENCE, 128).encode(sentence, targets);

        assertThat(sequences).hasSize(1);
        EncodedSequence sequence = sequences.getFirst();
        assertThat(sequence.ids()[0]).isEqualTo(CLS);
        assertThat(sequence.ids()[sequence.length() - 1]).isEqualTo(SEP);
        assertThat(sequence.typeIds()).containsOnly(0L);
        assertThat(sequence.targets()).extracting(TargetPieces::target).containsExactlyInAnyOrder(0, 1, 2);
        for (TargetPieces target : sequence.targets()) {
            String word = List.of("Russia", "Kremlin", "NATO").get(target.target());
            assertThat(piecesOf(sequence, target)).as(word).containsExactly(tokenizer.split(word).ids());
        }
    }

    @Test
    void aLongSentenceIsCutAroundEachTargetAndNoTargetIsDropped() {
        String sentence = "Russia " + "and so on ".repeat(2500) + "then NATO answered.";
        List<CharSpan> targets = List.of(new CharSpan(0, 6), span(sentence, "NATO"));
        for (InputMode mode : InputMode.values()) {
            List<EncodedSequence> sequences = inputs(mode, 64).encode(sentence, targets);

            assertThat(sequences).as(mode.json()).hasSize(2);
            List<Integer> answered = new ArrayList<>();
            for (EncodedSequence sequence : sequences) {
                assertThat(sequence.length()).as(mode.json()).isLessThanOrEqualTo(64);
                for (TargetPieces target : sequence.targets()) {
                    answered.add(target.target());
                    String word = target.target() == 0 ? "Russia" : "NATO";
                    assertThat(piecesOf(sequence, target)).as(mode.json() + " " + word)
                            .containsExactly(tokenizer.split(word).ids());
                }
            }
            assertThat(answered).as(mode.json()).containsExactlyInAnyOrder(0, 1);
        }
    }

    @Test
    void aTargetInTheMiddleOfALongSentenceGetsContextOnBothSides() {
        String sentence = "word ".repeat(300) + "Russia " + "word ".repeat(300);
        EncodedSequence sequence = inputs(InputMode.SENTENCE, 64).encode(sentence, List.of(span(sentence, "Russia")))
                .getFirst();

        TargetPieces target = sequence.targets().getFirst();
        int before = target.from() - 1;
        int after = sequence.length() - 1 - target.to();
        assertThat(Math.abs(before - after)).isLessThanOrEqualTo(1);
    }

    @Test
    void offsetsHoldWithAccentsAndCharactersOutsideTheBasicPlane() {
        String sentence = "Café owners in Zürich 😀 cheered Medvedev's visit.";
        EncodedSequence sequence = inputs(InputMode.SENTENCE, 128)
                .encode(sentence, List.of(span(sentence, "Medvedev"))).getFirst();

        assertThat(piecesOf(sequence, sequence.targets().getFirst())).containsExactly(tokenizer.split("Medvedev").ids());
    }

    @Test
    void aSpanOutsideTheSentenceIsRefusedWithItsPlace() {
        String sentence = "NATO met Russia.";

        assertThatThrownBy(() -> inputs(InputMode.SENTENCE, 128).encode(sentence, List.of(new CharSpan(40, 46))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target span 40..46 covers no word of the sentence (16 characters)");
    }

    @Test
    void noTargetsMeansNoSequences() {
        assertThat(inputs(InputMode.SENTENCE, 128).encode("NATO met Russia.", List.of())).isEmpty();
        assertThat(inputs(InputMode.PAIR, 128).encode("", List.of())).isEmpty();
    }

    private static long[] concat(long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
    }
}
