package org.stancewatch.analyze.stance.transformer;

import java.util.Locale;

/**
 * How a sentence and its targets are laid out for the model.
 *
 * <ul>
 *   <li>{@link #PAIR}: one sequence per target, {@code [CLS] sentence [SEP] target [SEP]}, so the
 *       whole encoding, {@code [CLS]} included, knows which target is asked about.</li>
 *   <li>{@link #SENTENCE}: one sequence per sentence, {@code [CLS] sentence [SEP]}, with all its
 *       targets marked by their pieces: one pass however many actors the sentence names.</li>
 * </ul>
 */
public enum InputMode {
    PAIR,
    SENTENCE;

    /** The name in {@code model.json} and on the command line. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InputMode fromJson(String name) {
        for (InputMode mode : values()) {
            if (mode.json().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown input mode '" + name + "' (pair or sentence)");
    }
}
