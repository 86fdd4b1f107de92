package org.stancewatch.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Draws one input from a {@link Random}. A plain function, so the same seed always gives the
 * same input and a failing try can be replayed from its seed alone.
 */
@FunctionalInterface
public interface Generator<T> {
    T next(Random random);

    /** One of the generators, each as likely. */
    @SafeVarargs
    static <T> Generator<T> oneOf(Generator<? extends T>... choices) {
        List<Generator<? extends T>> all = List.of(choices);
        return random -> all.get(random.nextInt(all.size())).next(random);
    }

    /** One of the values, each as likely. */
    static <T> Generator<T> elementOf(List<T> values) {
        List<T> all = List.copyOf(values);
        return random -> all.get(random.nextInt(all.size()));
    }

    /**
     * A number from {@code min} to {@code max}, both included. The bounds come one time in ten
     * each, far more often than chance: bugs live at the edges (empty, deepest, largest).
     */
    static Generator<Integer> between(int min, int max) {
        return random -> switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (int) (random.nextDouble() * ((long) max - min + 1));
        };
    }

    /** Random bytes, up to {@code maxLength} of them. */
    static Generator<byte[]> bytes(int maxLength) {
        Generator<Integer> lengths = between(0, maxLength);
        return random -> {
            byte[] bytes = new byte[lengths.next(random)];
            random.nextBytes(bytes);
            return bytes;
        };
    }

    /** Strings of any characters but lone surrogates: printable ASCII, control characters, the rest of Unicode. */
    static Generator<String> strings(int maxLength) {
        Generator<Integer> lengths = between(0, maxLength);
        return random -> {
            StringBuilder s = new StringBuilder();
            for (int i = lengths.next(random); i > 0; i--) {
                s.append(switch (random.nextInt(3)) {
                    case 0 -> (char) (' ' + random.nextInt(95));
                    case 1 -> (char) random.nextInt(32);
                    default -> anyNonSurrogate(random);
                });
            }
            return s.toString();
        };
    }

    /** Strings of the given characters only. */
    static Generator<String> strings(String alphabet, int maxLength) {
        Generator<Integer> lengths = between(0, maxLength);
        return random -> {
            StringBuilder s = new StringBuilder();
            for (int i = lengths.next(random); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return s.toString();
        };
    }

    private static char anyNonSurrogate(Random random) {
        char c;
        do {
            c = (char) random.nextInt(Character.MAX_VALUE + 1);
        } while (Character.isSurrogate(c));
        return c;
    }
}
