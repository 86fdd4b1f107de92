package org.stancewatch.app.dlq;

import java.util.Map;

/** What each dead-letter reason means and what to do about it, for {@code stancewatch dlq explain}. */
public final class ReasonCatalog {
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("malformed-record", "the record is not valid JSON of its type: a bug or a foreign producer "
                    + "writing to the topic. Find the producer; replay only after fixing the payload."),
            Map.entry("unsupported-schema-version", "the record has an older schema version than this build reads. "
                    + "Replay it with a build that reads it, or drop it."),
            Map.entry("unreadable-record", "the key or value could not be read. See the message."),
            Map.entry("scoring-timeout", "the scorer did not finish the article in time (a pathological text). "
                    + "Raise --scoring-timeout, then replay."),
            Map.entry("scoring-overloaded", "abandoned scoring threads still ran, so the article was not scored. "
                    + "Replay once the job is calm."),
            Map.entry("scoring-failed", "the scorer threw on the article: a bug. Report it with the payload; replay "
                    + "after the fix."),
            Map.entry("invalid-scorer-output", "the scorer returned mentions of another article: a bug. Replay after "
                    + "the fix."),
            Map.entry("published-in-future", "the article says it was published after it was fetched: a misread "
                    + "date. Fix the extraction (stancewatch extract shows what is read) and crawl again."),
            Map.entry("record-too-large", "an output record would exceed what its topic takes. Raise the topic's "
                    + "max.message.bytes, then replay."),
            Map.entry("refused-record", "the broker refused an output record. See the message, fix the topic, replay."),
            Map.entry("unwritable-record", "an output record could not be serialized: a bug. Replay after the fix."),
            Map.entry("processing-failed", "processing the record threw. See the message."),
            Map.entry("document-rejected", "Elasticsearch refused the document (mapping or parse error). Fix the "
                    + "mapping or the producer, then replay."),
            Map.entry("article-too-large", "the article's record would exceed Kafka's record limit. Not replayable: "
                    + "the payload is the text alone."),
            Map.entry("delivery-refused", "a notification channel refused the notice for good (e.g. HTTP 4xx, a bad "
                    + "address); the ledger records it failed and it is not retried. Fix the channel in alerts.yml; "
                    + "the payload is the notice."),
            Map.entry("robots-disallowed", "robots.txt refuses the URL: as the site asks. Nothing to do."),
            Map.entry("rate-limited", "the site asked the crawler to wait longer than it waits within a run; the "
                    + "next run tries again."),
            Map.entry("bot-challenge", "the site answered a bot manager's challenge (Cloudflare, DataDome, PerimeterX, "
                    + "Akamai, a CAPTCHA) instead of the page; it was not published and the host's other pages wait "
                    + "for a later run. 'stancewatch sources check SOURCE' shows it; ask the site to let the "
                    + "crawler's User-Agent in, or disable the source."),
            Map.entry("consent-wall", "the site answered a cookie or privacy consent page instead of the page; it "
                    + "was not published. 'stancewatch sources check SOURCE' shows it; a site that walls every "
                    + "visitor without consent cannot be crawled: disable the source."),
            Map.entry("blocked-address", "the URL resolves to a private address (SSRF guard). Nothing to do unless "
                    + "the source is meant to be internal."));

    private ReasonCatalog() {}

    /** A sentence on the reason, or a pointer to the message for a reason without one. */
    public static String meaning(String stage, String reason) {
        String known = MEANINGS.get(reason);
        if (known != null) {
            return known;
        }
        if (reason.startsWith("http-")) {
            return "the site answered HTTP " + reason.substring(5) + ". The crawler tries again on later runs.";
        }
        if (stage.equals("ingest")) {
            return "fetching or reading the page failed. The crawler retries pages by its retry policy.";
        }
        return "see the message of each dead letter.";
    }

    /** Whether dead letters of this stage carry a record that can be sent again. */
    public static boolean replayableStage(String stage) {
        return stage.equals("analyze") || stage.equals("index");
    }
}
