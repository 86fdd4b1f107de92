package org.stancewatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.stancewatch.model.json.Json;

class ArticleTextTest {

    @Test
    void controlCharactersAreDroppedAndLineBreaksKept() {
        assertThat(ArticleText.withoutControlCharacters("Moscow\u0000 welcomed\u000C the\r\ntalks.\rThen\tmore."))
                .isEqualTo("Moscow welcomed the\ntalks.\nThen\tmore.");
    }

    @Test
    void cjkTextIsCutByItsJsonBytesNotItsCharacters() throws Exception {
        String chinese = "俄罗斯欢迎谈判。".repeat(100_000); // 800,000 chars, 2.4 MB of UTF-8

        String cut = ArticleText.cutToJsonBytes(chinese, ArticleText.MAX_TEXT_JSON_BYTES);

        int jsonBytes = Json.mapper().writeValueAsString(cut).getBytes(StandardCharsets.UTF_8).length - 2;
        assertThat(jsonBytes).isLessThanOrEqualTo(ArticleText.MAX_TEXT_JSON_BYTES)
                .isGreaterThan(ArticleText.MAX_TEXT_JSON_BYTES - 3);
    }

    @Test
    void escapedCharactersCountAsTheirEscapes() throws Exception {
        String quotes = "\"\\".repeat(10);

        String cut = ArticleText.cutToJsonBytes(quotes, 9);

        assertThat(cut).isEqualTo("\"\\\"\\");
        assertThat(Json.mapper().writeValueAsString(cut)).hasSize(8 + 2);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // 4 bytes of UTF-8

        assertThat(ArticleText.cutToJsonBytes(emoji.repeat(10), 10)).isEqualTo(emoji.repeat(2));
    }
}
