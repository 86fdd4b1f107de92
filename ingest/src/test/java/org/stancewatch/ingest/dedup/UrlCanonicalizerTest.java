package org.stancewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @Test
    void spellingsOfOnePageBecomeOne() {
        String canonical = UrlCanonicalizer.canonicalize("https://www.example.com/world/story.html");

        assertThat(UrlCanonicalizer.canonicalize("HTTPS://WWW.Example.com:443/world/./story.html#comments")).isEqualTo(canonical);
        assertThat(UrlCanonicalizer.canonicalize("https://www.example.com/world/story.html?utm_source=rss&utm_medium=feed"))
                .isEqualTo(canonical);
        assertThat(UrlCanonicalizer.canonicalize("https://www.example.com/world/story.html?fbclid=abc&gclid=def")).isEqualTo(canonical);
    }

    @Test
    void meaningfulParametersStay() {
        assertThat(UrlCanonicalizer.canonicalize("https://example.com/article?id=42&utm_campaign=x"))
                .isEqualTo("https://example.com/article?id=42");
    }

    @Test
    void onlyAbsoluteHttpUrlsAreCanonical() {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("ftp://example.com/file")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("/relative/path")).isInstanceOf(IllegalArgumentException.class);
    }
}
