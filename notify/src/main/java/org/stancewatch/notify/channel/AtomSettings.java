package org.stancewatch.notify.channel;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An Atom feed channel's settings ({@code type: atom} in {@code alerts.yml}).
 *
 * @param file       the feed file, rewritten whole on every delivery; default {@code data/alerts.atom}
 * @param maxEntries how many notices the feed keeps, newest first; default 100
 * @param title      the feed's title in a feed reader; default {@code stancewatch alerts}
 * @param selfLink   the URL the feed is served at (its {@code rel="self"} link); null for none
 */
public record AtomSettings(Path file, Integer maxEntries, String title, URI selfLink) {
    public static final Path DEFAULT_FILE = Path.of("data", "alerts.atom");
    public static final int DEFAULT_MAX_ENTRIES = 100;
    public static final String DEFAULT_TITLE = "stancewatch alerts";
    /** A feed of more entries is slow to read and to rewrite on every delivery. */
    public static final int MAX_MAX_ENTRIES = 10_000;

    public AtomSettings {
        file = file == null ? DEFAULT_FILE : file;
        maxEntries = maxEntries == null ? Integer.valueOf(DEFAULT_MAX_ENTRIES) : maxEntries;
        if (maxEntries < 1 || maxEntries > MAX_MAX_ENTRIES) {
            throw new IllegalArgumentException("maxEntries must be 1 to " + MAX_MAX_ENTRIES + ", was " + maxEntries);
        }
        title = title == null || title.isBlank() ? DEFAULT_TITLE : title.strip();
        if (selfLink != null && !Objects.equals(selfLink.getScheme(), "http") && !Objects.equals(selfLink.getScheme(), "https")) {
            throw new IllegalArgumentException("selfLink must be an http:// or https:// URL, was '" + selfLink + "'");
        }
    }

    /** The defaults: {@code data/alerts.atom}, 100 entries. */
    public static AtomSettings defaults() {
        return new AtomSettings(null, null, null, null);
    }

    /** The defaults, in another file. */
    public static AtomSettings in(Path file) {
        return new AtomSettings(file, null, null, null);
    }
}
