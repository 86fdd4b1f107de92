package org.stancewatch.ingest.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each kind of bot challenge and consent wall, from fixtures under {@code blocks/} written to
 * carry the markers real ones do, and the pages that must not be taken for one: an article about
 * cookies on a page with a consent banner and Cloudflare's background script, and a plain 403.
 */
class BlockDetectorTest {
    private static final URI STORY = URI.create("https://www.news.example/world/2023/03/14/story");
    private static final String HTML = "text/html; charset=utf-8";

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = BlockDetectorTest.class.getResourceAsStream("/blocks/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Optional<Block> inspect(int status, Map<String, List<String>> headers, String fixture)
            throws IOException {
        return BlockDetector.inspect(new BlockDetector.Response(STORY, STORY, status, headers, HTML, fixture(fixture)));
    }

    @Test
    void cloudflaresChallengeHeaderIsABotChallengeWhateverTheBody() throws IOException {
        Optional<Block> block = BlockDetector.inspect(new BlockDetector.Response(STORY, STORY, 403,
                Map.of("CF-Mitigated", List.of("challenge"), "Server", List.of("cloudflare")), HTML, new byte[0]));

        assertThat(block).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Block.Kind.BOT_CHALLENGE);
            assertThat(b.vendor()).isEqualTo("Cloudflare");
            assertThat(b.describe()).contains("cf-mitigated: challenge");
        });
    }

    @Test
    void cloudflaresJustAMomentPageIsABotChallengeEvenWithoutTheHeader() throws IOException {
        assertThat(inspect(503, Map.of("Server", List.of("cloudflare")), "cloudflare-challenge.html"))
                .hasValueSatisfying(b -> assertThat(b.vendor()).isEqualTo("Cloudflare"));
        // some challenges come as 200: the page's title and challenge options still give them away
        assertThat(inspect(200, Map.of(), "cloudflare-challenge.html"))
                .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo(Block.Kind.BOT_CHALLENGE));
    }

    @Test
    void dataDomeIsRecognisedByItsHeaderOnARefusalAndByItsCaptchaPage() throws IOException {
        assertThat(inspect(403, Map.of("X-DataDome", List.of("protected")), "datadome-captcha.html"))
                .hasValueSatisfying(b -> assertThat(b.vendor()).isEqualTo("DataDome"));
        assertThat(BlockDetector.inspect(new BlockDetector.Response(STORY, STORY, 403,
                Map.of("Set-Cookie", List.of("datadome=abc; Max-Age=31536000; Path=/")), HTML, new byte[0])))
                .hasValueSatisfying(b -> assertThat(b.evidence()).contains("datadome cookie"));
        assertThat(inspect(403, Map.of(), "datadome-captcha.html"))
                .hasValueSatisfying(b -> assertThat(b.evidence()).contains("captcha-delivery.com"));
    }

    @Test
    void dataDomesHeaderOnAnOrdinaryPageIsNoChallenge() throws IOException {
        // DataDome-protected sites send x-datadome with every page they let through
        assertThat(inspect(200, Map.of("X-DataDome", List.of("protected")), "article-about-cookies.html")).isEmpty();
    }

    @Test
    void perimeterXsPressAndHoldPageIsABotChallenge() throws IOException {
        assertThat(inspect(403, Map.of(), "perimeterx-captcha.html"))
                .hasValueSatisfying(b -> {
                    assertThat(b.kind()).isEqualTo(Block.Kind.BOT_CHALLENGE);
                    assertThat(b.vendor()).isEqualTo("PerimeterX");
                });
    }

    @Test
    void akamaisAccessDeniedWithAnEdgeReferenceIsABotChallenge() throws IOException {
        assertThat(inspect(403, Map.of("Server", List.of("AkamaiGHost")), "akamai-access-denied.html"))
                .hasValueSatisfying(b -> assertThat(b.vendor()).isEqualTo("Akamai"));
    }

    @Test
    void aPlain403WithoutMarkersIsAnErrorNotAChallenge() {
        byte[] body = "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(BlockDetector.inspect(new BlockDetector.Response(STORY, STORY, 403, Map.of(), HTML, body))).isEmpty();
    }

    @Test
    void aBeforeYouContinuePageIsAConsentWall() throws IOException {
        assertThat(inspect(200, Map.of(), "consent-before-you-continue.html")).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Block.Kind.CONSENT_WALL);
            assertThat(b.evidence()).contains("before you continue");
        });
    }

    @Test
    void aPageThatIsOnlyAOneTrustDialogIsAConsentWall() throws IOException {
        assertThat(inspect(200, Map.of(), "onetrust-only.html")).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Block.Kind.CONSENT_WALL);
            assertThat(b.evidence()).contains("we value your privacy", "consent manager");
        });
    }

    @Test
    void aRedirectToAConsentHostIsAConsentWall() {
        URI consent = URI.create("https://consent.news.example/v2/collectConsent?sessionId=1");

        assertThat(BlockDetector.consentRedirect(consent))
                .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo(Block.Kind.CONSENT_WALL));
        assertThat(BlockDetector.consentRedirect(URI.create("https://www.news.example/world/consent-decree-story")))
                .isEmpty();
    }

    @Test
    void anArticleRedirectedToAPrivacyNoticeIsAConsentWall() throws IOException {
        URI notice = URI.create("https://www.news.example/privacy-notice?return=/world/story");
        Optional<Block> block = BlockDetector.inspect(new BlockDetector.Response(STORY, notice, 200, Map.of(), HTML,
                fixture("privacy-notice.html")));

        assertThat(block).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(Block.Kind.CONSENT_WALL);
            assertThat(b.vendor()).isEqualTo("privacy notice");
        });
        // the notice asked for by its own URL is a page like any other (the extractor judges it)
        assertThat(BlockDetector.inspect(new BlockDetector.Response(notice, notice, 200, Map.of(), HTML,
                fixture("privacy-notice.html")))).isEmpty();
    }

    @Test
    void anArticleAboutCookiesAndPrivacyWithABannerBesideItIsNotFlagged() throws IOException {
        // it says "We value your privacy" and "Accept All Cookies", loads OneTrust, the TCF API and
        // Cloudflare's background script, as real news pages do; its own text makes it an article
        assertThat(inspect(200, Map.of("Server", List.of("cloudflare")), "article-about-cookies.html")).isEmpty();
    }

    @Test
    void feedsAreNeverWallsWhatEverTheyMention() {
        byte[] feed = ("<?xml version=\"1.0\"?><rss><channel><item><title>Before you continue: we value your privacy"
                + "</title><description>captcha</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        assertThat(BlockDetector.inspect(new BlockDetector.Response(STORY, STORY, 200, Map.of(),
                "application/rss+xml", feed))).isEmpty();
    }
}
