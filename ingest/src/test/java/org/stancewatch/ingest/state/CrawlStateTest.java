package org.stancewatch.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The compact form the state holds records in gives back exactly what was applied. */
class CrawlStateTest {
    private static final Instant SEEN = Instant.parse("2024-03-01T08:15:30.123456789Z");

    private final CrawlState state = new CrawlState();

    @Test
    void aPageComesBackAsItWasAppliedToTheNanosecond() {
        PageState page = new PageState("herald", "https://herald.example/a/", "id-1", "\"e\"", "Fri, 01 Mar 2024 08:00:00 GMT",
                SEEN, SEEN.plusSeconds(60), 2, "http-500", SEEN.plusSeconds(3600), SEEN.minusSeconds(1));
        PageState fresh = PageState.discovered("herald", "https://herald.example/b/", Instant.parse("1969-07-20T20:17:40.5Z"));

        state.apply(StateKey.page("herald", page.url()), page);
        state.apply(StateKey.page("herald", fresh.url()), fresh);

        assertThat(state.page("herald", page.url())).contains(page);
        assertThat(state.page("herald", fresh.url())).contains(fresh);
    }

    @Test
    void anArticleComesBackAsItWasAppliedWithOrWithoutItsCoreFingerprint() {
        ArticleState article = new ArticleState("id-1", "herald", "https://herald.example/a/", 3, "0f".repeat(16),
                "8000000000000001", 420, "id-0", SEEN, SEEN.plusSeconds(86_400), "ffffffffffffffff");
        ArticleState older = new ArticleState("id-2", "herald", "https://herald.example/b/", 1, "1e".repeat(16),
                "0000000000000000", 12, null, SEEN, SEEN, null);

        state.apply(StateKey.article("herald", article.id()), article);
        state.apply(StateKey.article("herald", older.id()), older);

        assertThat(state.article("id-1")).contains(article);
        assertThat(state.article("id-2")).contains(older);
    }
}
