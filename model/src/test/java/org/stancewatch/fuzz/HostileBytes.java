package org.stancewatch.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Generators of the documents a hostile or broken peer sends: real documents mutated (cut
 * short, bytes overwritten or inserted, invalid UTF-8 spliced in, a slice repeated or deleted),
 * nesting thousands of levels deep and values of hundreds of kilobytes. Random bytes come from
 * {@link Generator#bytes(int)}.
 */
public final class HostileBytes {
    /** Larger gains nothing (the parsers are linear) but minutes of a shared machine's time. */
    public static final int HUGE_MAX_LENGTH = 512 * 1024;

    private static final Generator<Integer> MUTATION_COUNT = Generator.between(1, 8);
    private static final Generator<Character> HUGE_FILL = Generator.elementOf(List.of('x', '"', '&', '<', ' '));

    private HostileBytes() {}

    /** A test resource's bytes, e.g. {@code /site/herald.test/feed.rss}. */
    public static byte[] resource(String path) {
        try (InputStream in = HostileBytes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the seeds with one to eight mutations applied. */
    public static Generator<byte[]> mutationsOf(List<byte[]> seeds) {
        Generator<byte[]> seed = Generator.elementOf(seeds);
        return random -> {
            byte[] bytes = seed.next(random);
            for (int i = MUTATION_COUNT.next(random); i > 0; i--) {
                bytes = Mutation.draw(random).apply(bytes);
            }
            return bytes;
        };
    }

    /** {@code prefix + open * depth + middle + close * depth + suffix}, depth from 1 to {@code maxDepth}. */
    public static Generator<byte[]> deepNesting(int maxDepth, String prefix, String open, String middle, String close,
            String suffix) {
        Generator<Integer> depths = Generator.between(1, maxDepth);
        return random -> {
            int depth = depths.next(random);
            return utf8(prefix + open.repeat(depth) + middle + close.repeat(depth) + suffix);
        };
    }

    /**
     * {@code template} with each {@code %s} replaced by up to {@link #HUGE_MAX_LENGTH} of one
     * character (a letter, a quote, an ampersand, an angle bracket or a space): a huge attribute
     * or text.
     */
    public static Generator<byte[]> huge(String template) {
        Generator<Integer> lengths = Generator.between(1, HUGE_MAX_LENGTH);
        return random -> {
            String fill = String.valueOf(HUGE_FILL.next(random)).repeat(lengths.next(random));
            return utf8(template.replace("%s", fill));
        };
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
