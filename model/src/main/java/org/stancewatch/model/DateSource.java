package org.stancewatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an article's publication date came from, most trustworthy first. Aggregation and
 * alerting use it to decide how far to trust {@code publishedAt}.
 */
public enum DateSource {
    /** schema.org {@code datePublished} in JSON-LD. */
    JSON_LD("json-ld"),
    /** a meta tag such as {@code article:published_time}. */
    META("meta"),
    /** an HTML {@code <time datetime>} element. */
    TIME("time"),
    /** the entry's date in an RSS/Atom feed or a news sitemap. */
    FEED("feed"),
    /** a date in the URL path, such as {@code /2011/03/17/}. */
    URL("url"),
    /** nothing better was found: the time the page was fetched. */
    FETCHED("fetched");

    private final String json;

    DateSource(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** True when the date is the crawler's clock rather than the publisher's. */
    public boolean isFetchTime() {
        return this == FETCHED;
    }

    @JsonCreator
    public static DateSource fromJson(String value) {
        for (DateSource source : values()) {
            if (source.json.equals(value)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown dateSource '" + value + "'");
    }
}
