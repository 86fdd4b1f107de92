package org.stancewatch.analyze.stance.transformer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The model's own tokenizer, read from its {@code tokenizer.json} (Hugging Face's format, run by
 * DJL's binding of the Rust library). It only cuts text into word pieces: truncation, padding
 * and the special tokens are turned off, because {@link StanceInputs} lays out the model's input
 * itself (and must cut long sentences around their targets, not at the end).
 */
final class WordPieceTokenizer implements AutoCloseable {

    static {
        // DJL reports usage to its makers over the network unless told not to; stancewatch never phones home.
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private final HuggingFaceTokenizer tokenizer;
    private final long classifyId;
    private final long separatorId;

    private WordPieceTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        // The file's own template says which ids open and close a sequence: [CLS] ... [SEP].
        long[] specials = tokenizer.encode("", true, false).getIds();
        if (specials.length != 2) {
            throw new ModelLoadException("the tokenizer's template should frame a text with two special tokens, "
                    + "it adds " + specials.length);
        }
        this.classifyId = specials[0];
        this.separatorId = specials[1];
    }

    /** Reads a {@code tokenizer.json}; {@code origin} names it in errors. */
    static WordPieceTokenizer read(InputStream tokenizerJson, String origin) {
        try (tokenizerJson) {
            return new WordPieceTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false")));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read the tokenizer " + origin + ": " + e.getMessage(), e);
        }
    }

    /** The word pieces of {@code text}, with the characters each covers. */
    WordPieces split(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] ids = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] chars = charIndexOfCodePoint(text);
        int[] begin = new int[ids.length];
        int[] end = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (spans[i] == null) {
                throw new IllegalStateException("the tokenizer gave no characters for piece " + i + " of " + text);
            }
            begin[i] = chars == null ? spans[i].getStart() : chars[spans[i].getStart()];
            end[i] = chars == null ? spans[i].getEnd() : chars[spans[i].getEnd()];
        }
        return new WordPieces(ids, begin, end);
    }

    /**
     * The tokenizer counts offsets in code points, Java strings in UTF-16 units: they differ after
     * a character outside the Basic Multilingual Plane (an emoji). The Java offset of each code
     * point (and of the end), or null when the two agree.
     */
    private static int[] charIndexOfCodePoint(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            return null;
        }
        int[] chars = new int[codePoints + 1];
        int at = 0;
        for (int cp = 0; cp < codePoints; cp++) {
            chars[cp] = at;
            at += Character.charCount(text.codePointAt(at));
        }
        chars[codePoints] = text.length();
        return chars;
    }

    /** The piece that opens every sequence ({@code [CLS]}); its vector stands for the whole input. */
    long classifyId() {
        return classifyId;
    }

    /** The piece that closes each segment ({@code [SEP]}). */
    long separatorId() {
        return separatorId;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
