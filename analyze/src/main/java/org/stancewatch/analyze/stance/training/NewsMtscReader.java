package org.stancewatch.analyze.stance.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stancewatch.model.json.Json;

/**
 * Reads NewsMTSC's JSON-lines format (Hamborg and Donnay, EACL 2021): one sentence per line with
 * {@code primary_gid}, {@code sentence_normalized} and {@code targets}, each target with
 * {@code Input.gid}, character offsets {@code from} and {@code to}, {@code mention} and
 * {@code polarity} (2.0, 4.0, 6.0). A line that does not fit throws {@link DatasetFormatException}
 * naming the line; blank lines are skipped.
 */
public final class NewsMtscReader {

    private NewsMtscReader() {
    }

    public static List<NewsMtscSentence> read(Path file) {
        List<NewsMtscSentence> sentences = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    sentences.add(parse(file, lineNumber, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return sentences;
    }

    private static NewsMtscSentence parse(Path file, int lineNumber, String line) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DatasetFormatException(file, lineNumber, "not JSON: " + e.getOriginalMessage(), e);
        }
        String sentence = text(node, "sentence_normalized", file, lineNumber);
        String gid = text(node, "primary_gid", file, lineNumber);
        JsonNode targets = node.get("targets");
        if (targets == null || !targets.isArray()) {
            throw new DatasetFormatException(file, lineNumber, "field 'targets' is missing or not a list", null);
        }
        List<NewsMtscTarget> parsed = new ArrayList<>();
        for (JsonNode target : targets) {
            int from = number(target, "from", file, lineNumber);
            int to = number(target, "to", file, lineNumber);
            if (from < 0 || to <= from || to > sentence.length()) {
                throw new DatasetFormatException(file, lineNumber, "target span " + from + ".." + to
                        + " lies outside the sentence (" + sentence.length() + " characters)", null);
            }
            JsonNode polarity = target.get("polarity");
            parsed.add(new NewsMtscTarget(text(target, "Input.gid", file, lineNumber), from, to,
                    target.path("mention").asText(sentence.substring(from, to)),
                    polarity == null || polarity.isNull() ? null : NewsMtscTarget.fromCode(polarity.asDouble())));
        }
        return new NewsMtscSentence(gid, sentence, parsed);
    }

    private static String text(JsonNode node, String field, Path file, int line) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new DatasetFormatException(file, line, "field '" + field + "' is missing or not text", null);
        }
        return value.asText();
    }

    private static int number(JsonNode node, String field, Path file, int line) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new DatasetFormatException(file, line, "target field '" + field + "' is missing or not a number", null);
        }
        return value.asInt();
    }
}
