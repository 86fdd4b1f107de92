package org.stancewatch.ingest.block;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.stancewatch.ingest.extract.PageDecoder;

/**
 * Recognises bot challenges and consent walls from a response's status, headers and page: a
 * pure function, so the crawler, {@code stancewatch extract} and {@code stancewatch sources
 * check} agree on it.
 *
 * <p>Header markers are decisive ({@code cf-mitigated: challenge}); DataDome's headers and
 * cookie count only on a refusing status (401, 403, 405, 429, 503), because DataDome sends them
 * with ordinary pages too. Page markers (a challenge script, a consent manager, "Before you
 * continue") count only on a page with little readable text outside the consent dialog, because
 * real news pages carry consent banners and challenge scripts beside their articles, and
 * articles may well talk about cookies and privacy.
 */
public final class BlockDetector {
    /** Markers sit in a page's head or first screen; a whole 8 MB page is not searched. */
    static final int INSPECTED_BYTES = 256 * 1024;
    /** A page with at least this many words outside its consent dialog has content of its own. */
    static final int MAX_WALL_WORDS = 150;

    private static final Set<Integer> REFUSING = Set.of(401, 403, 405, 429, 503);
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final List<String> CLOUDFLARE_PAGE = List.of("cf_chl_opt", "cf-chl-", "/cdn-cgi/challenge-platform/h/");
    private static final List<String> CLOUDFLARE_TITLES = List.of("just a moment", "attention required");
    private static final List<String> CONSENT_MANAGERS = List.of("__tcfapi", "onetrust", "cookiebot", "didomi",
            "sp_message", "sourcepoint", "qc-cmp2", "quantcast", "trustarc", "truste-", "usercentrics",
            "consentmanager", "fundingchoices");
    private static final List<String> CONSENT_PHRASES = List.of("before you continue", "we value your privacy",
            "your privacy choices", "your privacy matters", "cookie consent", "consent to the use of cookies",
            "accept all cookies", "accept cookies", "manage cookies", "cookie settings", "privacy settings",
            "manage consent", "manage your consent");
    private static final List<String> PRIVACY_NOTICE_TITLES = List.of("privacy notice", "privacy policy",
            "cookie policy", "cookie notice", "privacy center", "privacy centre");
    /** Consent dialogs, left out when counting a page's own words. */
    private static final String CONSENT_ELEMENTS = "[id*=consent], [class*=consent], [id*=onetrust], [class*=onetrust], "
            + "[id*=cookie], [class*=cookie], [id^=sp_message], [class*=qc-cmp], [id*=didomi], [class*=didomi], "
            + "[id^=cmp], [class^=cmp], [id*=gdpr], [class*=gdpr], [id*=Cookiebot]";

    private BlockDetector() {}

    /**
     * One response to judge.
     *
     * @param requested   the URL asked for
     * @param url         the URL that answered, after redirects
     * @param status      its status
     * @param headers     its headers, by name (any case)
     * @param contentType its Content-Type, or null
     * @param body        its body (a refusal's head is enough), decompressed
     */
    public record Response(URI requested, URI url, int status, Map<String, List<String>> headers, String contentType,
                           byte[] body) {
        public Response {
            Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
            headers = byName;
            body = body == null ? new byte[0] : body;
        }

        List<String> header(String name) {
            return headers.getOrDefault(name, List.of());
        }

        boolean refusing() {
            return REFUSING.contains(status);
        }
    }

    /** The block this response is, if it is one. */
    public static Optional<Block> inspect(Response response) {
        return byHeaders(response)
                .or(() -> consentHost(response.url()))
                .or(() -> byPage(response));
    }

    /**
     * A redirect to a consent host ({@code consent.yahoo.com}, {@code consent.google.com}): the
     * site sends every client without a consent cookie there, so following it only fetches the
     * wall.
     */
    public static Optional<Block> consentRedirect(URI target) {
        return consentHost(target);
    }

    private static Optional<Block> byHeaders(Response response) {
        if (response.header("cf-mitigated").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("challenge"))) {
            return Optional.of(new Block(Block.Kind.BOT_CHALLENGE, "Cloudflare", "header cf-mitigated: challenge"));
        }
        if (response.refusing()) {
            if (!response.header("x-datadome").isEmpty() || !response.header("x-dd-b").isEmpty()) {
                return Optional.of(new Block(Block.Kind.BOT_CHALLENGE, "DataDome",
                        "HTTP " + response.status() + " with header x-datadome"));
            }
            if (response.header("set-cookie").stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).startsWith("datadome="))) {
                return Optional.of(new Block(Block.Kind.BOT_CHALLENGE, "DataDome",
                        "HTTP " + response.status() + " setting the datadome cookie"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Block> consentHost(URI url) {
        String host = url == null || url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("consent.") || host.startsWith("myprivacy.")) {
            return Optional.of(new Block(Block.Kind.CONSENT_WALL, host, "the site sends the crawler to its consent host"));
        }
        return Optional.empty();
    }

    private static Optional<Block> byPage(Response response) {
        if (!looksLikeHtml(response)) {
            return Optional.empty(); // feeds, sitemaps and robots.txt are never walls
        }
        String head = new String(response.body(), 0, Math.min(response.body().length, INSPECTED_BYTES),
                StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT); // markers are ASCII: any charset finds them
        String title = title(head);
        boolean cloudflareTitle = CLOUDFLARE_TITLES.stream().anyMatch(title::contains);
        if (containsAny(head, CLOUDFLARE_PAGE) && (cloudflareTitle || response.refusing())) {
            return Optional.of(new Block(Block.Kind.BOT_CHALLENGE, "Cloudflare",
                    cloudflareTitle ? "challenge page \"" + title + "\"" : "HTTP " + response.status() + " challenge page"));
        }
        boolean captcha = head.contains("captcha");
        // a wall says what it wants; a consent manager's script alone sits on most news pages
        boolean consent = containsAny(head, CONSENT_PHRASES);
        // Akamai writes its refusal's reference and error host with HTML entities ("errors&#46;edgesuite&#46;net")
        boolean akamai = response.refusing() && title.contains("access denied")
                && (head.contains("edgesuite") || head.contains("reference #") || head.contains("reference&#32;&#35;"));
        boolean privacyNotice = !response.url().equals(response.requested())
                && PRIVACY_NOTICE_TITLES.stream().anyMatch(title::contains);
        if (akamai) {
            return Optional.of(new Block(Block.Kind.BOT_CHALLENGE, "Akamai", "HTTP " + response.status()
                    + " \"Access Denied\" with an edge reference"));
        }
        if (privacyNotice) {
            return Optional.of(new Block(Block.Kind.CONSENT_WALL, "privacy notice", "redirected to " + response.url()
                    + " (\"" + title + "\")"));
        }
        if (!captcha && !consent) {
            return Optional.empty(); // the common case: no marker, no parsing
        }
        Document doc = Jsoup.parse(PageDecoder.decode(response.body(), response.contentType()).text(),
                response.url().toString());
        if (captcha) {
            Optional<Block> challenge = captchaPage(response, head, doc);
            if (challenge.isPresent()) {
                return challenge;
            }
        }
        return consent ? consentPage(doc, head, title) : Optional.empty();
    }

    private static Optional<Block> captchaPage(Response response, String head, Document doc) {
        boolean shortPage = ownWords(doc) < MAX_WALL_WORDS;
        if (!response.refusing() && !shortPage) {
            return Optional.empty();
        }
        if (head.contains("captcha-delivery.com")) {
            return Optional.of(new Block(Block.Kind.BOT_CHALLENGE, "DataDome", "a captcha-delivery.com challenge"));
        }
        if (head.contains("px-captcha") || head.contains("_pxcaptcha")) {
            return Optional.of(new Block(Block.Kind.BOT_CHALLENGE, "PerimeterX", "a px-captcha challenge"));
        }
        if (response.refusing() && shortPage) {
            return Optional.of(new Block(Block.Kind.BOT_CHALLENGE, "a CAPTCHA page", "HTTP " + response.status()
                    + " asking to solve a CAPTCHA"));
        }
        return Optional.empty();
    }

    /** A consent dialog and hardly anything else: the page is the wall, not an article with a banner. */
    private static Optional<Block> consentPage(Document doc, String head, String title) {
        String text = doc.text().toLowerCase(Locale.ROOT);
        String phrase = CONSENT_PHRASES.stream().filter(p -> title.contains(p) || text.contains(p)).findFirst()
                .orElse(null);
        if (phrase == null || ownWords(doc) >= MAX_WALL_WORDS) {
            return Optional.empty();
        }
        String manager = CONSENT_MANAGERS.stream().filter(head::contains)
                .findFirst().map(m -> ", consent manager " + m).orElse("");
        return Optional.of(new Block(Block.Kind.CONSENT_WALL, "consent page", "\"" + phrase + "\" and no article"
                + manager));
    }

    /** Words of the page's visible text outside scripts and consent dialogs. */
    private static int ownWords(Document doc) {
        Document copy = doc.clone();
        copy.select("script, style, noscript, template, svg, " + CONSENT_ELEMENTS).remove();
        String text = copy.body() == null ? "" : copy.body().text().strip();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }

    private static boolean looksLikeHtml(Response response) {
        String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        if (!type.isEmpty() && !type.startsWith("text/plain") && !type.contains("octet-stream")) {
            return false; // xml, json, images: never a wall page
        }
        String start = new String(response.body(), 0, Math.min(response.body().length, 1024), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return start.contains("<html") || start.contains("<!doctype html");
    }

    private static String title(String head) {
        Matcher matcher = TITLE.matcher(head);
        return matcher.find() ? matcher.group(1).strip().replaceAll("\\s+", " ") : "";
    }

    private static boolean containsAny(String text, List<String> markers) {
        return markers.stream().anyMatch(text::contains);
    }
}
