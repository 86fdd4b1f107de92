package org.stancewatch.analyze.stance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of what the scorer did and skipped, and why; safe to update from many threads.
 * The Streams job exports them as metrics.
 */
public final class ScorerCounters {

    final LongAdder articles = new LongAdder();
    final LongAdder articlesNotEnglish = new LongAdder();
    final LongAdder articlesEmpty = new LongAdder();
    final LongAdder textsTruncated = new LongAdder();
    final LongAdder sentences = new LongAdder();
    final LongAdder sentencesNotEnglish = new LongAdder();
    final LongAdder sentencesTagged = new LongAdder();
    final LongAdder sentencesParsed = new LongAdder();
    final LongAdder sentencesTooLong = new LongAdder();
    final LongAdder unitsOverCap = new LongAdder();
    final LongAdder mentions = new LongAdder();

    /** The counts by name, e.g. {@code sentences.tooLong}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("articles", articles.sum());
        counts.put("articles.notEnglish", articlesNotEnglish.sum());
        counts.put("articles.empty", articlesEmpty.sum());
        counts.put("texts.truncated", textsTruncated.sum());
        counts.put("sentences", sentences.sum());
        counts.put("sentences.notEnglish", sentencesNotEnglish.sum());
        counts.put("sentences.tagged", sentencesTagged.sum());
        counts.put("sentences.parsed", sentencesParsed.sum());
        counts.put("sentences.tooLong", sentencesTooLong.sum());
        counts.put("units.overCap", unitsOverCap.sum());
        counts.put("mentions", mentions.sum());
        return counts;
    }
}
