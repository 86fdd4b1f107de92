package org.stancewatch.ingest.source;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One news site to crawl, as {@code sources.yml} describes it.
 *
 * @param id                    short stable name ({@code [a-z0-9-]+}); the key of its crawl state
 * @param name                  the outlet's name for people
 * @param home                  the site's home page; articles of other sites are ignored unless patterns allow them
 * @param feeds                 RSS or Atom feeds
 * @param sitemaps              sitemaps, sitemap indexes or Google News sitemaps
 * @param sections              section pages whose links to articles are followed (for sites with neither)
 * @param interval              time between two runs (a random jitter of up to a tenth is added)
 * @param articles              which discovered URLs are articles
 * @param language              the language expected (ISO 639-1); pages say their own, this is the fallback
 * @param rate                  requests per second to one host, at most (robots.txt may ask for less)
 * @param allowPrivateAddresses whether the site's own hosts may resolve to loopback or private addresses (local test and demo sites only)
 * @param maxArticlesPerRun     at most this many article pages fetched per run, newest first
 */
public record Source(
        String id,
        String name,
        URI home,
        List<URI> feeds,
        List<URI> sitemaps,
        List<URI> sections,
        Duration interval,
        ArticlePatterns articles,
        String language,
        double rate,
        boolean allowPrivateAddresses,
        int maxArticlesPerRun) {

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(home, "home");
        name = name == null || name.isBlank() ? id : name;
        feeds = List.copyOf(feeds);
        sitemaps = List.copyOf(sitemaps);
        sections = List.copyOf(sections);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(articles, "articles");
    }

    /**
     * The source's own URLs: home, feeds, sitemaps, sections. Their ports are the only ones
     * besides 80 and 443 its fetches may use, and with {@code allowPrivateAddresses} their
     * origins (host and port) the only ones that may resolve to loopback or private addresses,
     * so that even a local site cannot redirect the crawler elsewhere on the network.
     */
    public List<URI> ownUrls() {
        List<URI> urls = new ArrayList<>();
        urls.add(home);
        urls.addAll(feeds);
        urls.addAll(sitemaps);
        urls.addAll(sections);
        return List.copyOf(urls);
    }

    /**
     * Whether the URL is on the source's site: its home page's host or another host of the same
     * registered domain, by any scheme ({@code http→https}, {@code www.}, {@code news.}).
     */
    public boolean isOnSite(URI url) {
        return ArticlePatterns.sameSite(url, home);
    }

    /**
     * Whether a redirect of one of the source's articles may land on the URL: on its site, or a
     * URL its patterns call an article. Anywhere else an open redirect on the outlet's site
     * would put another site's text into this outlet's series.
     */
    public boolean acceptsArticleRedirect(URI url) {
        return isOnSite(url) || isArticle(url);
    }

    /**
     * Whether a sitemap index of the source may send the crawler to the URL: on the site of its
     * home page or of one of its configured sitemaps (which may live on a sister domain).
     */
    public boolean acceptsChildSitemap(URI url) {
        return isOnSite(url) || sitemaps.stream().anyMatch(sitemap -> ArticlePatterns.sameSite(url, sitemap));
    }

    /**
     * The https spelling of an {@code http://} link on the source's site when the site itself is
     * served on https (its home page is): feeds that still list http links would otherwise cost a
     * redirect per article and give the same article a second URL beside its sitemap entry.
     * Other links are returned as they are.
     */
    public URI httpsSpelling(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme()) || !"https".equalsIgnoreCase(home.getScheme())
                || !isOnSite(url) || url.getPort() != -1) {
            return url;
        }
        return URI.create("https" + url.toString().substring(url.getScheme().length()));
    }

    /** The least time between two requests to one host that this source's rate allows. */
    public Duration minDelay() {
        return Duration.ofNanos((long) (1_000_000_000L / rate));
    }

    /** True when the URL is one of this source's articles by its patterns. */
    public boolean isArticle(URI url) {
        return articles.matches(url, home);
    }
}
