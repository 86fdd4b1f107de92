package org.stancewatch.app.demo;

import static org.jsoup.nodes.Entities.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pages of one demo outlet, in the markup its kind of site uses. Each outlet has its own
 * habits, as real sites do, so that the crawler meets the variety it meets in the wild:
 *
 * <ul>
 *   <li>{@link Style#WIRE}: JSON-LD with the date and author; an RSS feed.
 *   <li>{@link Style#DAILY}: date in a meta tag, a byline, related links and a comment section;
 *       an RSS feed.
 *   <li>{@link Style#MAGAZINE}: date in a {@code <time>} element, a share bar, a newsletter box and
 *       a donation appeal; an Atom feed.
 *   <li>{@link Style#REVIEW}: no feed and no date in the page, only in the URL and in a Google
 *       News sitemap behind a sitemap index.
 * </ul>
 */
final class OutletSite {
    enum Style { WIRE, DAILY, MAGAZINE, REVIEW }

    static final int FEED_ITEMS = 25;
    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final DemoOutlet outlet;
    private final Style style;
    private final String baseUrl;
    private final List<DemoArticle> articles; // visible ones, oldest first

    OutletSite(DemoOutlet outlet, Style style, String baseUrl, List<DemoArticle> articles) {
        this.outlet = outlet;
        this.style = style;
        this.baseUrl = baseUrl;
        this.articles = articles;
    }

    /** The feed's path, or empty for a site without one. */
    Optional<String> feedPath() {
        return switch (style) {
            case WIRE -> Optional.of("/rss.xml");
            case DAILY -> Optional.of("/feeds/latest.rss");
            case MAGAZINE -> Optional.of("/atom.xml");
            case REVIEW -> Optional.empty();
        };
    }

    String sitemapPath() {
        return "/sitemap.xml";
    }

    Optional<DemoArticle> article(String path) {
        return articles.stream().filter(article -> article.path().equals(path)).findFirst();
    }

    String robots() {
        return "User-agent: *\nDisallow: /private/\nDisallow: /search\n\nSitemap: " + baseUrl + sitemapPath() + "\n";
    }

    /** The home page: the newest articles, newest first, and a link to the archive. */
    String home() {
        String links = newestFirst().stream().limit(PAGE_SIZE).map(this::link).collect(Collectors.joining("\n"));
        return page(outlet.name(), "<h1>" + escape(outlet.name()) + "</h1>\n<p>" + escape(outlet.description())
                + "</p>\n<ul class=\"latest\">\n" + links + "\n</ul>\n<a class=\"more\" href=\"/archive?page=1\">Archive</a>");
    }

    /** The archive, {@link #PAGE_SIZE} articles a page, newest first, with a link to older ones. */
    String archive(int page) {
        List<DemoArticle> all = newestFirst();
        int from = Math.min(all.size(), (page - 1) * PAGE_SIZE);
        int to = Math.min(all.size(), from + PAGE_SIZE);
        String links = all.subList(from, to).stream().map(this::link).collect(Collectors.joining("\n"));
        String older = to < all.size() ? "\n<a rel=\"next\" href=\"/archive?page=" + (page + 1) + "\">Older</a>" : "";
        return page(outlet.name() + " archive, page " + page, "<h1>Archive</h1>\n<ul>\n" + links + "\n</ul>" + older);
    }

    String articlePage(DemoArticle article) {
        String url = canonicalUrl(article);
        StringBuilder head = new StringBuilder();
        head.append("<link rel=\"canonical\" href=\"").append(url).append("\">\n");
        head.append("<meta property=\"og:site_name\" content=\"").append(escape(outlet.name())).append("\">\n");
        head.append("<meta property=\"og:title\" content=\"").append(escape(article.title())).append("\">\n");
        switch (style) {
            case WIRE -> head.append("<script type=\"application/ld+json\">").append(jsonLd(article, url))
                    .append("</script>\n");
            case DAILY -> head.append("<meta property=\"article:published_time\" content=\"")
                    .append(article.published()).append("\">\n<meta name=\"author\" content=\"")
                    .append(escape(article.author())).append("\">\n");
            case MAGAZINE, REVIEW -> { }
        }
        StringBuilder body = new StringBuilder();
        body.append(navigation());
        body.append("<article>\n<h1>").append(escape(article.title())).append("</h1>\n");
        body.append(byline(article));
        for (String paragraph : article.paragraphs()) {
            body.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        body.append("</article>\n").append(boilerplate(article));
        return page(article.title() + " | " + outlet.name(), head.toString(), body.toString());
    }

    /** RSS 2.0 or Atom with the newest {@link #FEED_ITEMS} articles. */
    String feed() {
        List<DemoArticle> items = newestFirst().stream().limit(FEED_ITEMS).toList();
        return style == Style.MAGAZINE ? atom(items) : rss(items);
    }

    /** A URL set; for the review style a sitemap index pointing to yearly sets and a news sitemap. */
    String sitemap() {
        if (style != Style.REVIEW) {
            return urlSet(articles);
        }
        String entries = years().stream()
                .map(year -> "<sitemap><loc>" + baseUrl + "/sitemap-" + year + ".xml</loc></sitemap>")
                .collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" + entries
                + "\n<sitemap><loc>" + baseUrl + "/news-sitemap.xml</loc></sitemap>\n</sitemapindex>\n";
    }

    Optional<String> yearSitemap(String year) {
        List<DemoArticle> ofYear = articles.stream().filter(a -> yearOf(a.published()).equals(year)).toList();
        return ofYear.isEmpty() ? Optional.empty() : Optional.of(urlSet(ofYear));
    }

    /** A Google News sitemap of every article, with titles and publication dates. */
    String newsSitemap() {
        String entries = newestFirst().stream().map(article -> "<url><loc>" + baseUrl + article.path() + "</loc>"
                        + "<news:news><news:publication><news:name>" + escape(outlet.name())
                        + "</news:name><news:language>en</news:language></news:publication>"
                        + "<news:publication_date>" + article.published() + "</news:publication_date>"
                        + "<news:title>" + escape(article.title()) + "</news:title></news:news></url>")
                .collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n" + entries + "\n</urlset>\n";
    }

    String canonicalUrl(DemoArticle article) {
        return "https://" + outlet.domain() + article.path();
    }

    private List<DemoArticle> newestFirst() {
        return articles.stream().sorted(Comparator.comparing(DemoArticle::published).reversed()).toList();
    }

    private List<String> years() {
        return articles.stream().map(a -> yearOf(a.published())).distinct().sorted().toList();
    }

    private static String yearOf(Instant time) {
        return Integer.toString(time.atZone(ZoneOffset.UTC).getYear());
    }

    private String link(DemoArticle article) {
        return "<li><a href=\"" + article.path() + "\">" + escape(article.title()) + "</a></li>";
    }

    private String urlSet(List<DemoArticle> entries) {
        String urls = entries.stream().map(article -> "<url><loc>" + baseUrl + article.path() + "</loc><lastmod>"
                + article.published() + "</lastmod></url>").collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" + urls + "\n</urlset>\n";
    }

    private String rss(List<DemoArticle> items) {
        String entries = items.stream().map(article -> "<item><title>" + escape(article.title()) + "</title><link>"
                + baseUrl + article.path() + "</link><guid>" + canonicalUrl(article) + "</guid><pubDate>"
                + RFC_1123.format(article.published()) + "</pubDate><description>" + escape(article.summary())
                + "</description></item>").collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>"
                + escape(outlet.name()) + "</title><link>" + baseUrl + "/</link><description>"
                + escape(outlet.description()) + "</description>\n" + entries + "\n</channel></rss>\n";
    }

    private String atom(List<DemoArticle> items) {
        Instant updated = items.isEmpty() ? Instant.EPOCH : items.getFirst().published();
        String entries = items.stream().map(article -> "<entry><title>" + escape(article.title())
                + "</title><link href=\"" + baseUrl + article.path() + "\"/><id>" + canonicalUrl(article)
                + "</id><published>" + article.published() + "</published><updated>" + article.published()
                + "</updated><author><name>" + escape(article.author()) + "</name></author><summary>"
                + escape(article.summary()) + "</summary></entry>").collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>"
                + escape(outlet.name()) + "</title><id>" + baseUrl + "/</id><updated>" + updated + "</updated>\n"
                + entries + "\n</feed>\n";
    }

    private String jsonLd(DemoArticle article, String url) {
        return "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":" + json(article.title())
                + ",\"datePublished\":\"" + article.published() + "\",\"author\":{\"@type\":\"Person\",\"name\":"
                + json(article.author()) + "},\"publisher\":{\"@type\":\"Organization\",\"name\":"
                + json(outlet.name()) + "},\"mainEntityOfPage\":\"" + url + "\"}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
    }

    private String byline(DemoArticle article) {
        return switch (style) {
            case WIRE -> "<p class=\"dateline\">" + escape(article.author()) + "</p>\n";
            case DAILY -> "<p class=\"byline\">By <span class=\"author\">" + escape(article.author()) + "</span></p>\n";
            case MAGAZINE -> "<p class=\"byline\">" + escape(article.author()) + " · <time datetime=\""
                    + article.published() + "\">" + article.published().toString().substring(0, 10) + "</time></p>\n";
            case REVIEW -> "<p class=\"author\">" + escape(article.author()) + "</p>\n";
        };
    }

    private String navigation() {
        return "<nav class=\"site-nav\"><a href=\"/\">Home</a> <a href=\"/archive?page=1\">Archive</a></nav>\n";
    }

    /** What surrounds the story on real sites, and what extraction must leave out. */
    private String boilerplate(DemoArticle article) {
        String related = "<aside class=\"related\"><h2>Related</h2><ul>" + newestFirst().stream()
                .filter(other -> !other.equals(article)).limit(3).map(this::link).collect(Collectors.joining())
                + "</ul></aside>\n";
        return switch (style) {
            case WIRE -> "<footer>© " + escape(outlet.name()) + ". All rights reserved.</footer>\n";
            case DAILY -> related + "<section id=\"comments\"><h2>Comments</h2><div class=\"comment\">"
                    + "Readers' comments are moderated.</div></section>\n<footer>© The Harbor press</footer>\n";
            case MAGAZINE -> "<div class=\"share-bar\">Share: Twitter Facebook Email</div>\n"
                    + "<div class=\"newsletter\">Sign up for our weekly newsletter on European security.</div>\n"
                    + "<div class=\"donate\">Independent journalism needs your support. Donate today.</div>\n"
                    + related;
            case REVIEW -> related + "<footer>" + escape(outlet.name()) + "</footer>\n";
        };
    }

    private static String page(String title, String body) {
        return page(title, "", body);
    }

    private static String page(String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n" + head + "</head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }
}
