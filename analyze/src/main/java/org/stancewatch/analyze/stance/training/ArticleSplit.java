package org.stancewatch.analyze.stance.training;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The fixed held-out split: an article goes to the held-out side when the CRC-32 of its key,
 * modulo 100, is below the held-out percentage. It depends on nothing but the key, so every run,
 * machine and JVM puts each article on the same side, and all sentences of an article together.
 */
public record ArticleSplit(int heldOutPercent) {

    /** The split the shipped model was trained and measured with. */
    public static final ArticleSplit DEFAULT = new ArticleSplit(20);

    public ArticleSplit {
        if (heldOutPercent < 0 || heldOutPercent > 100) {
            throw new IllegalArgumentException("heldOutPercent must be 0..100, was " + heldOutPercent);
        }
    }

    public boolean isHeldOut(String articleKey) {
        return bucket(articleKey) < heldOutPercent;
    }

    /** The article's bucket, 0..99; cross-validation folds are ranges of buckets. */
    public static int bucket(String articleKey) {
        CRC32 crc = new CRC32();
        crc.update(articleKey.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }
}
