package org.stancewatch.ingest.state;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Keys of the crawl-state topic. Records that belong to a source ({@code page/}, {@code
 * article/}, {@code run/}) are partitioned by the source id, so that one crawler instance owns
 * all of a source's state (see {@code SourceOwnership}); robots.txt records, shared by all
 * sources, are partitioned by their own key. Either way a key always maps to the same partition,
 * which compaction needs.
 */
public final class StateKey {
    static final String PAGE = "page";
    static final String ARTICLE = "article";
    static final String ROBOTS = "robots";
    static final String RUN = "run";
    private static final char SEPARATOR = '|';

    private StateKey() {}

    public static String page(String source, String url) {
        return PAGE + SEPARATOR + source + SEPARATOR + url;
    }

    public static String article(String source, String id) {
        return ARTICLE + SEPARATOR + source + SEPARATOR + id;
    }

    public static String run(String source) {
        return RUN + SEPARATOR + source;
    }

    public static String robots(String origin) {
        return ROBOTS + SEPARATOR + origin;
    }

    /** The kind of record a key holds: page, article, run or robots. */
    static String kind(String key) {
        int end = key.indexOf(SEPARATOR);
        return end < 0 ? key : key.substring(0, end);
    }

    /** The partition of a key among {@code partitions}. */
    public static int partition(String key, int partitions) {
        String kind = kind(key);
        String by = key;
        if (!kind.equals(ROBOTS)) {
            int start = key.indexOf(SEPARATOR) + 1;
            int end = key.indexOf(SEPARATOR, start);
            by = end < 0 ? key.substring(start) : key.substring(start, end);
        }
        return sourcePartition(by, partitions);
    }

    /** The partition that holds a source's state. */
    public static int sourcePartition(String source, int partitions) {
        return Utils.toPositive(Utils.murmur2(source.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
