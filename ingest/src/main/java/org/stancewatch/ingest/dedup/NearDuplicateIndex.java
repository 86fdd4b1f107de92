package org.stancewatch.ingest.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
    private int size;

    /** Records an article's fingerprint; the first article recorded with a fingerprint stays the original. */
    public synchronized void add(long simhash, String articleId) {
        Entry entry = new Entry(simhash, articleId, added++);
        size++;
        for (int band = 0; band < BANDS; band++) {
            bands.computeIfAbsent(bandKey(simhash, band), k -> new ArrayList<>()).add(entry);
        }
    }

    /** The earliest recorded article within {@link #MAX_DISTANCE} bits, other than {@code except}. */
    public Optional<String> nearest(long simhash, String except) {
        return nearest(simhash, id -> !id.equals(except));
    }

    /** The earliest recorded article within {@link #MAX_DISTANCE} bits that is {@code eligible}. */
    public synchronized Optional<String> nearest(long simhash, Predicate<String> eligible) {
        Entry best = null;
        for (int band = 0; band < BANDS; band++) {
            List<Entry> candidates = bands.get(bandKey(simhash, band));
            if (candidates == null) {
                continue;
            }
            for (Entry candidate : candidates) {
                if (Fingerprints.distance(simhash, candidate.simhash()) <= MAX_DISTANCE
                        && (best == null || candidate.order() < best.order())
                        && eligible.test(candidate.articleId())) {
                    best = candidate;
                }
            }
        }
        return Optional.ofNullable(best).map(Entry::articleId);
    }

    /** Takes out every fingerprint of the articles {@code gone} names; returns how many fingerprints went. */
    public synchronized int removeIf(Predicate<String> gone) {
        int before = size;
        for (var bucket = bands.values().iterator(); bucket.hasNext(); ) {
            List<Entry> entries = bucket.next();
            entries.removeIf(entry -> gone.test(entry.articleId()));
            if (entries.isEmpty()) {
                bucket.remove();
            } else if (entries instanceof ArrayList<Entry> list) {
                list.trimToSize();
            }
        }
        size = bands.values().stream().mapToInt(List::size).sum() / BANDS;
        return before - size;
    }

    /** Fingerprints recorded (an article has one per revision with new text). */
    public synchronized int size() {
        return size;
    }

    private static long bandKey(long simhash, int band) {
        long bits = (simhash >>> (band * BAND_BITS)) & ((1L << BAND_BITS) - 1);
        return ((long) band << BAND_BITS) | bits;
    }
}
