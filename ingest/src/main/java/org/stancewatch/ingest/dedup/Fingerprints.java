package org.stancewatch.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Fingerprints of article text: an exact hash (revisions, exact duplicates) and a 64-bit SimHash
 * (Charikar) over word 3-shingles (near duplicates: a wire story republished with a different
 * headline, byline or last paragraph stays within a few bits), plus the SimHash of the text's
 * core, without its first and last paragraphs: the paragraphs a newspaper rewrites when it runs a
 * wire story (its own lede, a credit line), which can move the whole text's SimHash well past
 * the near-duplicate distance.
 */
public final class Fingerprints {
    private static final int SHINGLE = 3;

    private Fingerprints() {}

    /** Lower-case words of letters and digits: what both fingerprints see, so markup or spacing changes do not count. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** SHA-256 of the normalised words, as 32 hex digits. */
    public static String contentHash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String word : words(text)) {
                digest.update(word.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) ' ');
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The 64-bit SimHash of the text's word 3-shingles (single words for very short texts). */
    public static long simhash(String text) {
        List<String> words = words(text);
        int[] weights = new int[64];
        int size = words.size() < SHINGLE ? 1 : SHINGLE;
        for (int i = 0; i + size <= words.size(); i++) {
            long hash = 0xcbf29ce484222325L; // FNV-1a 64 over the shingle, then mixed
            for (int j = i; j < i + size; j++) {
                String word = words.get(j);
                for (int k = 0; k < word.length(); k++) {
                    hash ^= word.charAt(k);
                    hash *= 0x100000001b3L;
                }
                hash ^= ' ';
                hash *= 0x100000001b3L;
            }
            hash = mix(hash);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        return simhash;
    }

    /** Least words of a core worth a fingerprint: below it, unrelated texts collide too easily. */
    static final int MIN_CORE_WORDS = 80;
    /** Shorter paragraphs are credit lines, datelines and sign-offs, which copies add or drop. */
    static final int MIN_CORE_PARAGRAPH_WORDS = 15;

    /**
     * The SimHash of the text's core: its paragraphs (separated by blank lines) of at least
     * {@link #MIN_CORE_PARAGRAPH_WORDS} words, but the first and the last of those; empty when
     * fewer than {@link #MIN_CORE_WORDS} words remain.
     */
    public static java.util.OptionalLong coreSimhash(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            if (words(paragraph).size() >= MIN_CORE_PARAGRAPH_WORDS) {
                paragraphs.add(paragraph);
            }
        }
        if (paragraphs.size() < 3) {
            return java.util.OptionalLong.empty();
        }
        String core = String.join("\n\n", paragraphs.subList(1, paragraphs.size() - 1));
        return words(core).size() < MIN_CORE_WORDS ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(simhash(core));
    }

    /** SplitMix64's finaliser: spreads FNV's output over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static String hex(long simhash) {
        return HexFormat.of().toHexDigits(simhash);
    }

    public static long parseHex(String hex) {
        return HexFormat.fromHexDigitsToLong(hex);
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
