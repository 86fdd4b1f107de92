package org.stancewatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a source is doing, as its crawler last judged it ({@link SourceStatus}). */
public enum SourceHealth {
    /** it publishes as usual. */
    OK,
    /** nothing new for several times its usual interval between articles. */
    SILENT,
    /** its fetch or extraction failures (or dead letters) jumped. */
    FAILING,
    /** robots.txt now disallows its discovery URLs. */
    ROBOTS_DISALLOWED,
    /** its feed, sitemap or section page is gone (404, 410, or no longer a feed). */
    DISCOVERY_GONE,
    /** the site answers a bot challenge or a consent wall instead of its pages. */
    BLOCKED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static SourceHealth fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
