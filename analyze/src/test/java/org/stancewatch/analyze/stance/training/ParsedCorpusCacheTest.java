package org.stancewatch.analyze.stance.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.analyze.nlp.Dependency;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.nlp.ParsedToken;
import org.stancewatch.analyze.nlp.PhraseNode;

/** The parse cache of the v1 trainer: read back when it fits, and never deserializes a foreign class. */
class ParsedCorpusCacheTest {

    private static ParsedSentence sentence() {
        return new ParsedSentence(List.of(new ParsedToken("NATO", "NATO", "NNP", "ORGANIZATION", 0, 4),
                new ParsedToken("met", "meet", "VBD", "O", 5, 8)),
                List.of(new PhraseNode("ROOT", 0, 2, -1, new float[] {0, 0, 1, 0, 0})),
                List.of(new Dependency(-1, 1, "root"), new Dependency(1, 0, "nsubj")));
    }

    @Test
    void aCacheWrittenForTheSameDataIsReadBack(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("data.jsonl"), "{}\n");
        Path cache = dir.resolve("parses.bin.gz");

        ParsedCorpus.writeCache(cache, data, List.of(sentence()));

        List<ParsedSentence> read = ParsedCorpus.readCache(cache, data, 1);
        assertThat(read).hasSize(1);
        assertThat(read.getFirst().tokens()).isEqualTo(sentence().tokens());
        assertThat(read.getFirst().dependencies()).isEqualTo(sentence().dependencies());
    }

    @Test
    void aCacheHoldingAnyOtherClassIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("data.jsonl"), "{}\n");
        Path cache = dir.resolve("parses.bin.gz");
        try (OutputStream out = Files.newOutputStream(cache);
             ObjectOutputStream objects = new ObjectOutputStream(new GZIPOutputStream(out))) {
            objects.writeUTF("stancewatch-parsed-corpus/2");
            objects.writeLong(Files.size(data));
            HashMap<String, String> foreign = new HashMap<>();
            foreign.put("a", "b");
            objects.writeObject(List.of(foreign));
        }

        assertThat(ParsedCorpus.readCache(cache, data, 1)).as("refused: parsed again").isNull();
    }
}
