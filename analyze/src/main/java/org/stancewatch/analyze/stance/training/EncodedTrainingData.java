package org.stancewatch.analyze.stance.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.stancewatch.analyze.stance.CharSpan;
import org.stancewatch.analyze.stance.transformer.EncodedSequence;
import org.stancewatch.analyze.stance.transformer.StanceInputs;
import org.stancewatch.model.json.Json;

/**
 * Writes a NewsMTSC-format file as the transformer's training input, through the same
 * {@link StanceInputs} that serves the model: a first line that says how it was encoded,
 *
 * <pre>{"format": "stancewatch-stance-inputs", "version": 1, "mode": "sentence", "maxTokens": 128,
 *  "heldOutPercent": 20}</pre>
 *
 * then one JSON line per input sequence,
 *
 * <pre>{"article": "allsides_1000_401", "heldOut": false, "ids": [101, ...], "types": [0, ...],
 *  "targets": [{"gid": "...", "from": 1, "to": 3, "label": 0}]}</pre>
 *
 * with {@code from}/{@code to} the target's pieces in {@code ids} and {@code label} 0 negative,
 * 1 neutral, 2 positive. The held-out flag is {@link ArticleSplit}'s, so the Python trainer and
 * the Java evaluation hold out the same articles; files given as training-only (the hand-written
 * sentences of the recipe) are never held out.
 */
public final class EncodedTrainingData {

    private EncodedTrainingData() {
    }

    /** Counts of what was written. */
    public record Summary(int sequences, int targets, int heldOutTargets, int skippedTargets) {
    }

    public static Summary write(Path data, List<Path> trainingOnly, StanceInputs inputs, ArticleSplit split, Path out,
                                Consumer<String> progress) {
        List<NewsMtscSentence> sentences = new ArrayList<>(NewsMtscReader.read(data));
        int fromData = sentences.size();
        trainingOnly.forEach(file -> sentences.addAll(NewsMtscReader.read(file)));
        int sequences = 0;
        int targets = 0;
        int heldOut = 0;
        int skipped = 0;
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                writer.write(Json.mapper().writeValueAsString(header(inputs, split)));
                writer.write('\n');
                for (int s = 0; s < sentences.size(); s++) {
                    NewsMtscSentence sentence = sentences.get(s);
                    List<NewsMtscTarget> labelled = new ArrayList<>();
                    List<CharSpan> spans = new ArrayList<>();
                    for (NewsMtscTarget target : sentence.targets()) {
                        if (target.polarity() != null) {
                            labelled.add(target);
                            spans.add(new CharSpan(target.from(), target.to()));
                        }
                    }
                    List<EncodedSequence> encoded;
                    try {
                        encoded = inputs.encode(sentence.sentence(), spans);
                    } catch (IllegalArgumentException e) {
                        progress.accept("skipped " + sentence.primaryGid() + ": " + e.getMessage());
                        skipped += spans.size();
                        continue;
                    }
                    boolean isHeldOut = s < fromData && split.isHeldOut(sentence.articleKey());
                    for (EncodedSequence sequence : encoded) {
                        writer.write(Json.mapper().writeValueAsString(line(sentence, isHeldOut, sequence, labelled)));
                        writer.write('\n');
                        sequences++;
                        targets += sequence.targets().size();
                        heldOut += isHeldOut ? sequence.targets().size() : 0;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return new Summary(sequences, targets, heldOut, skipped);
    }

    /** The format's name in the header line; the trainer refuses a file without it. */
    public static final String FORMAT = "stancewatch-stance-inputs";

    private static Map<String, Object> header(StanceInputs inputs, ArticleSplit split) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("version", 1);
        header.put("mode", inputs.mode().json());
        header.put("maxTokens", inputs.maxTokens());
        header.put("heldOutPercent", split.heldOutPercent());
        return header;
    }

    private static Map<String, Object> line(NewsMtscSentence sentence, boolean heldOut, EncodedSequence sequence,
                                            List<NewsMtscTarget> labelled) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("article", sentence.articleKey());
        line.put("heldOut", heldOut);
        line.put("ids", sequence.ids());
        line.put("types", sequence.typeIds());
        List<Map<String, Object>> targets = new ArrayList<>();
        for (EncodedSequence.TargetPieces pieces : sequence.targets()) {
            NewsMtscTarget target = labelled.get(pieces.target());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("gid", target.gid());
            entry.put("from", pieces.from());
            entry.put("to", pieces.to());
            entry.put("label", target.polarity().ordinal());
            targets.add(entry);
        }
        line.put("targets", targets);
        return line;
    }
}
