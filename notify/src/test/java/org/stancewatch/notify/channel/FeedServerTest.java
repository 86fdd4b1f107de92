package org.stancewatch.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.notify.NoticeFixtures;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

class FeedServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void servesTheFeedFileAtAlertsAtomAsAtomXmlOnLoopback() throws Exception {
        Path file = folder.resolve("alerts.atom");
        new AtomFeedChannel("feed", AtomSettings.in(file))
                .send(Delivery.single(Notice.of(NoticeFixtures.toneAlert("russia", "iran", "nytimes.com"))));

        try (FeedServer server = FeedServer.start(file, "127.0.0.1", 0)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.url()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(server.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/alerts\\.atom");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
            assertThat(response.body()).isEqualTo(Files.readString(file)).contains("urn:stancewatch:notice:");
        }
    }

    @Test
    void otherPathsAreNotFoundWritesAreRefusedAndAMissingFeedSaysSo() throws Exception {
        Path file = folder.resolve("alerts.atom");
        try (FeedServer server = FeedServer.start(file, "127.0.0.1", 0)) {
            URI other = server.url().resolve("/etc/passwd");

            assertThat(client.send(HttpRequest.newBuilder(other).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(404);
            assertThat(client.send(HttpRequest.newBuilder(server.url()).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
            HttpResponse<String> missing = client.send(HttpRequest.newBuilder(server.url()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("no notices yet");
        }
    }
}
