package org.stancewatch.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.ingest.source.SourcesFile;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.json.Codecs;

/** The table of 'stancewatch sources' from statuses and a sources file, without Kafka. */
class SourceTableTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private static SourceStatus status(String source, SourceHealth health, String problem) {
        return new SourceStatus(source, source + ".example", health, problem, NOW.minus(Duration.ofHours(5)),
                NOW.minus(Duration.ofMinutes(20)), NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofDays(2)), 12.5,
                4, 2, NOW.plus(Duration.ofMinutes(10)), NOW.minus(Duration.ofMinutes(20)));
    }

    private static List<Source> configured() {
        return SourcesFile.parse("test.yml", """
                sources:
                  - id: herald
                    home: https://www.herald.example/
                    feeds: [https://www.herald.example/feed]
                  - id: quiet
                    home: https://quiet.example/
                    feeds: [https://quiet.example/feed]
                """.getBytes(StandardCharsets.UTF_8)).sources();
    }

    @Test
    void eachSourceIsARowWithRelativeTimesAndItsProblem() {
        Map<String, StoredStatus> statuses = new LinkedHashMap<>();
        statuses.put("herald", StoredStatus.of(status("herald", SourceHealth.DISCOVERY_GONE,
                "https://www.herald.example/feed answered HTTP 404 Not Found on the last 2 visits")));

        String text = SourceTable.of(statuses, configured()).render(NOW);

        List<String> lines = text.lines().toList();
        assertThat(lines.getFirst()).startsWith("SOURCE").contains("HEALTH", "LAST SUCCESS", "ARTICLES/DAY", "NEXT VISIT");
        assertThat(lines.get(1)).contains("herald", "herald.example", "discovery-gone", "3 h ago", "2 days ago", "12.5",
                "in 10 min", "answered HTTP 404 Not Found on the last 2 visits");
        assertThat(lines.get(2)).contains("quiet", "quiet.example", "not visited yet");
        assertThat(lines.get(1).indexOf("discovery-gone")).as("columns line up").isEqualTo(lines.get(2).indexOf("not visited"));
    }

    @Test
    void aRecordThatIsNotJsonIsAnUnreadableRowAndTheOthersStillShow() {
        Map<String, StoredStatus> statuses = new LinkedHashMap<>();
        statuses.put("broken", SourceStatusReader.decode("broken", "not json at all".getBytes(StandardCharsets.UTF_8),
                "stancewatch.sources-0@7"));
        statuses.put("herald", StoredStatus.of(status("herald", SourceHealth.OK, "")));

        SourceTable table = SourceTable.of(statuses, configured());

        assertThat(table.rows()).extracting(SourceTable.Row::source, SourceTable.Row::health).containsExactly(
                org.assertj.core.groups.Tuple.tuple("herald", "ok"),
                org.assertj.core.groups.Tuple.tuple("quiet", "not visited yet"),
                org.assertj.core.groups.Tuple.tuple("broken", "unreadable status"));
        assertThat(table.render(NOW)).contains("not valid JSON", "(stancewatch.sources-0@7)");
    }

    @Test
    void aStatusOfANewerSchemaIsUnreadableWithTheReason() {
        String newer = Codecs.SOURCE_STATUS.writeString(status("herald", SourceHealth.OK, ""))
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        StoredStatus stored = SourceStatusReader.decode("herald", newer.getBytes(StandardCharsets.UTF_8), "t-0@1");

        assertThat(stored.readable()).isFalse();
        assertThat(stored.unreadable()).contains("version");
    }

    @Test
    void jsonHasTheStatusRecordOfVisitedSourcesAndSaysWhichWereNeverVisited() {
        Map<String, StoredStatus> statuses = Map.of("herald", StoredStatus.of(status("herald", SourceHealth.SILENT,
                "no new article for 2 days")));

        var json = SourceTable.of(statuses, configured()).json();

        assertThat(json).hasSize(2);
        assertThat(json.get(0).path("health").asText()).isEqualTo("silent");
        assertThat(json.get(0).path("status").path("problem").asText()).isEqualTo("no new article for 2 days");
        assertThat(json.get(0).path("status").path("articlesPerDay").asDouble()).isEqualTo(12.5);
        assertThat(json.get(1).path("visited").asBoolean(true)).isFalse();
        assertThat(json.get(1).path("health").asText()).isEqualTo("not visited yet");
    }

    @Test
    void relativeTimesReadAsPeopleSayThem() {
        assertThat(SourceTable.ago(NOW.minusSeconds(30), NOW)).isEqualTo("now");
        assertThat(SourceTable.ago(NOW.minus(Duration.ofMinutes(45)), NOW)).isEqualTo("45 min ago");
        assertThat(SourceTable.ago(NOW.minus(Duration.ofHours(3)), NOW)).isEqualTo("3 h ago");
        assertThat(SourceTable.ago(NOW.minus(Duration.ofDays(9)), NOW)).isEqualTo("9 days ago");
        assertThat(SourceTable.ago(NOW.plus(Duration.ofMinutes(25)), NOW)).isEqualTo("in 25 min");
        assertThat(SourceTable.ago(null, NOW)).isEqualTo("-");
    }
}
