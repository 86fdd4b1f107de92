package org.stancewatch.ingest.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stancewatch.model.DateSource;

/** Reads {@link PageMetadata} from a parsed page (before any cleaning removes its head or scripts). */
final class MetadataReader {
    private static final List<String> DATE_META = List.of(
            "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
            "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "date",
            "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created", "dcterms.date", "sailthru.date",
            "parsely-pub-date", "article.published", "article:published", "og:pubdate", "cxenseparse:recs:publishtime",
            "originalpublicationdate", "date_published", "release_date");
    private static final List<String> AUTHOR_META = List.of(
            "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator");
    private static final Set<String> LISTING_OG_TYPES = Set.of("website", "profile", "video.other", "books.author");
    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^\\s*(by|von|par|por|di)\\s+");
    private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:,|;|\\band\\b|\\bund\\b|&)\\s*");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+[|\\-–—:»·]\\s+");
    private static final int MAX_AUTHORS = 6;

    private MetadataReader() {}

    static PageMetadata read(Document doc, URI url) {
        JsonLd jsonLd = JsonLd.of(doc);
        MetaTags meta = new MetaTags(doc);
        String ogType = meta.get("og:type").map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        boolean ogArticle = ogType.equals("article") || ogType.startsWith("article");
        String canonical = canonical(doc, meta, url);
        SiteNames site = siteNames(meta, jsonLd, canonical, url);
        Visible visible = new Visible(doc.body());
        return new PageMetadata(
                title(doc, meta, jsonLd, site),
                canonical,
                published(doc, meta, jsonLd, visible),
                authors(doc, meta, jsonLd, site, visible),
                language(doc, meta, jsonLd),
                jsonLd.declaresArticle() || ogArticle,
                jsonLd.declaresListing() || (!ogArticle && LISTING_OG_TYPES.contains(ogType) && !jsonLd.declaresArticle()),
                jsonLd.articleBody().orElse(""));
    }

    /** What the page shows to readers, read only when the markup lacks a date or a byline (it costs a walk over the page). */
    private static final class Visible {
        private final Element body;
        private VisibleMetadata read;

        Visible(Element body) {
            this.body = body;
        }

        VisibleMetadata get() {
            if (read == null) {
                read = VisibleMetadata.read(body);
            }
            return read;
        }
    }

    private static SiteNames siteNames(MetaTags meta, JsonLd jsonLd, String canonical, URI url) {
        SiteNames site = new SiteNames();
        meta.get("og:site_name").ifPresent(site::add);
        meta.get("application-name").ifPresent(site::add);
        meta.get("publisher").ifPresent(site::add);
        meta.get("twitter:site").map(handle -> handle.replace("@", "")).ifPresent(site::add);
        jsonLd.publisherNames().forEach(site::add);
        for (String candidate : new String[] {canonical, url.toString()}) {
            try {
                URI uri = candidate == null ? null : URI.create(candidate);
                if (uri != null && uri.getHost() != null) {
                    site.addDomain(Outlets.of(uri));
                    break; // the outlet, as ArticleExtractor reads it
                }
            } catch (IllegalArgumentException e) {
                // not a URL with a host: try the next
            }
        }
        return site;
    }

    private static String title(Document doc, MetaTags meta, JsonLd jsonLd, SiteNames site) {
        Optional<String> declared = jsonLd.headline().or(() -> meta.get("og:title")).or(() -> meta.get("twitter:title"));
        if (declared.isPresent()) {
            return Titles.clean(clean(declared.get()), site);
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return Titles.clean(clean(h1.text()), site);
        }
        String title = clean(doc.title());
        String withoutSite = Titles.clean(title, site);
        if (!withoutSite.equals(title)) {
            return withoutSite;
        }
        // "Headline | Outlet" where the outlet goes by a name the page does not state: keep the
        // longest part, which is the headline far more often.
        String best = "";
        for (String part : TITLE_SEPARATORS.split(title)) {
            if (part.length() > best.length()) {
                best = part;
            }
        }
        return clean(best);
    }

    private static String canonical(Document doc, MetaTags meta, URI url) {
        for (Element link : doc.select("link[rel~=(?i)^canonical$][href]")) {
            String abs = link.absUrl("href");
            if (!abs.isEmpty()) {
                return abs;
            }
        }
        return meta.get("og:url").flatMap(u -> resolve(url, u)).orElse(null);
    }

    private static Optional<String> resolve(URI base, String href) {
        try {
            URI resolved = base.resolve(href.strip());
            return resolved.isAbsolute() ? Optional.of(resolved.toString()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<PublishedDate> published(Document doc, MetaTags meta, JsonLd jsonLd, Visible visible) {
        var fromJsonLd = jsonLd.datePublished().flatMap(DateParsing::parse);
        if (fromJsonLd.isPresent()) {
            return Optional.of(new PublishedDate(fromJsonLd.get(), DateSource.JSON_LD));
        }
        for (String name : DATE_META) {
            var date = meta.get(name).flatMap(DateParsing::parse);
            if (date.isPresent()) {
                return Optional.of(new PublishedDate(date.get(), DateSource.META));
            }
        }
        for (Element element : doc.select("[itemprop=datePublished]")) {
            String value = element.hasAttr("content") ? element.attr("content") : element.attr("datetime");
            var date = DateParsing.parse(value);
            if (date.isPresent()) {
                return Optional.of(new PublishedDate(date.get(), DateSource.META));
            }
        }
        for (String query : List.of("time[pubdate][datetime]", "article time[datetime]", "main time[datetime]",
                "time[datetime]")) {
            for (Element time : doc.select(query)) {
                var date = DateParsing.parse(time.attr("datetime"));
                if (date.isPresent()) {
                    return Optional.of(new PublishedDate(date.get(), DateSource.TIME));
                }
            }
        }
        // What readers see: "Date 19.01.2020" or a bare date under the headline, as good as a <time> element.
        return visible.get().date().filter(DateParsing::plausible).map(date -> new PublishedDate(date, DateSource.TIME));
    }

    /**
     * The bylines: the people JSON-LD names, else the author meta tags, else the byline elements,
     * else a labelled "Author: ..." field. A name that is the outlet's own ("Deutsche Welle
     * (www.dw.com)", "Reuters" on reuters.com) is no byline and is passed over.
     */
    private static List<String> authors(Document doc, MetaTags meta, JsonLd jsonLd, SiteNames site, Visible visible) {
        Set<String> names = new LinkedHashSet<>();
        jsonLd.authors().forEach(name -> addAuthor(name, names, site));
        if (names.isEmpty()) {
            for (String name : AUTHOR_META) {
                meta.get(name).ifPresent(value -> addAuthor(value, names, site));
                if (!names.isEmpty()) {
                    break;
                }
            }
        }
        if (names.isEmpty()) {
            for (Element element : doc.select("[rel=author], [itemprop=author], .byline, .author-name")) {
                Element name = element.selectFirst("[itemprop=name]");
                addAuthor((name != null ? name : element).text(), names, site);
                if (names.size() >= MAX_AUTHORS) {
                    break;
                }
            }
        }
        if (names.isEmpty()) {
            visible.get().byline().ifPresent(byline -> addAuthor(byline, names, site));
        }
        return new ArrayList<>(names).subList(0, Math.min(names.size(), MAX_AUTHORS));
    }

    private static void addAuthor(String raw, Set<String> names, SiteNames site) {
        if (site.names(raw)) {
            return;
        }
        if (raw == null || raw.isBlank() || raw.contains("://") || raw.startsWith("/")) {
            return;
        }
        String cleaned = BY_PREFIX.matcher(clean(raw)).replaceFirst("");
        for (String name : NAME_SPLIT.split(cleaned)) {
            String trimmed = name.strip();
            if (trimmed.length() >= 3 && trimmed.length() <= 60 && Character.isLetter(trimmed.charAt(0))
                    && !site.names(trimmed)) {
                names.add(trimmed);
            }
        }
    }

    private static String language(Document doc, MetaTags meta, JsonLd jsonLd) {
        String lang = doc.selectFirst("html") != null ? doc.selectFirst("html").attr("lang") : "";
        if (lang.isBlank()) {
            lang = meta.get("content-language").or(() -> meta.get("og:locale")).or(jsonLd::language).orElse("");
        }
        String code = lang.strip().toLowerCase(Locale.ROOT);
        int cut = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        code = cut > 0 ? code.substring(0, cut) : code;
        return code.matches("[a-z]{2}") ? code : null;
    }

    static String clean(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
