package org.stancewatch.ingest.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an earlier article whose SimHash is within {@link #MAX_DISTANCE} bits of a new one.
 * The 64 bits are cut into eight 8-bit bands: two hashes that differ in at most seven bits agree
 * on at least one band, so only the articles sharing a band are compared.
 */
public final class NearDuplicateIndex {
    /**
     * Near-identical texts: a wire copy with a line added or changed lands a few bits away (more
     * for short texts), unrelated texts about 32 bits away (the chance that two unrelated ones
     * come within 6 bits is below one in a million).
     */
    public static final int MAX_DISTANCE = 6;
    private static final int BANDS = 8;
    private static final int BAND_BITS = 64 / BANDS;

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
        long bits = (simhash >>> (band * BAND_BITS)) & ((1L << BAND_BITS) - 1);
        return ((long) band << BAND_BITS) | bits;
    }
}
