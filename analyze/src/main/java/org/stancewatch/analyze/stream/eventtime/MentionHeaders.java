package org.stancewatch.analyze.stream.eventtime;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers of the records on the mentions topic. A mention of an article that arrived later than
 * the grace period carries {@value #LATE}: it is published (it is a real mention, and searchable)
 * but the aggregates leave it out, and its windows keep the values they had. The scoring
 * application decides lateness once, in the order of the articles topic; the aggregation
 * application follows the mark instead of judging by its own stream time, which depends on how
 * fast each of its partitions happened to progress.
 */
public final class MentionHeaders {
    /** Header on a mention (or retraction) that must not change the aggregates. */
    public static final String LATE = "stancewatch.late";

    private MentionHeaders() {}

    /** Headers for a record of an article that is, or is not, late. */
    public static Headers of(boolean late) {
        RecordHeaders headers = new RecordHeaders();
        if (late) {
            headers.add(LATE, "true".getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    public static boolean isLate(Headers headers) {
        return headers != null && headers.lastHeader(LATE) != null;
    }
}
