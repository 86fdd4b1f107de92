package org.stancewatch.ingest.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an earlier article whose SimHash is within {@link #MAX_DISTANCE} bits of a new one.
 * The 64 bits are cut into four 16-bit bands: two hashes that differ in at most three bits agree
 * on at least one band, so only the articles sharing a band are compared.
 */
public final class NearDuplicateIndex {
    /** Near-identical texts: measured on wire copies with changed headline or byline, 0 to 3 bits apart. */
    public static final int MAX_DISTANCE = 3;
    private static final int BANDS = 4;

    private record Entry(long simhash, String articleId, long order) {}

    private final Map<Long, List<Entry>> bands = new HashMap<>();
    private long added;

    /** Records an article's fingerprint; the first article recorded with a fingerprint stays the original. */
    public synchronized void add(long simhash, String articleId) {
        Entry entry = new Entry(simhash, articleId, added++);
        for (int band = 0; band < BANDS; band++) {
            bands.computeIfAbsent(bandKey(simhash, band), k -> new ArrayList<>()).add(entry);
        }
    }

    /** The earliest recorded article within {@link #MAX_DISTANCE} bits, other than {@code except}. */
    public synchronized Optional<String> nearest(long simhash, String except) {
        Entry best = null;
        for (int band = 0; band < BANDS; band++) {
            List<Entry> candidates = bands.get(bandKey(simhash, band));
            if (candidates == null) {
                continue;
            }
            for (Entry candidate : candidates) {
                if (!candidate.articleId().equals(except)
                        && Fingerprints.distance(simhash, candidate.simhash()) <= MAX_DISTANCE
                        && (best == null || candidate.order() < best.order())) {
                    best = candidate;
                }
            }
        }
        return Optional.ofNullable(best).map(Entry::articleId);
    }

    private static long bandKey(long simhash, int band) {
        long bits = (simhash >>> (band * 16)) & 0xffff;
        return ((long) band << 16) | bits;
    }
}
