package org.stancewatch.ingest.discover;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stancewatch.ingest.extract.PageDecoder;

/**
 * Reads a section page (a site's "World" or "Europe" front) for its links to articles, in page
 * order, and its link to the next page, if any: a pure function of (URL, bytes, content type).
 */
public final class SectionParser {
    private SectionParser() {}

    /** The links of a section page that are articles, and the next page of the section. */
    public record Section(List<DiscoveredLink> links, Optional<URI> next) {}

    public static Section parse(URI page, byte[] body, String contentType, Predicate<URI> isArticle) {
        Document doc = Jsoup.parse(PageDecoder.decode(body, contentType).text(), page.toString());
        Set<URI> seen = new LinkedHashSet<>();
        for (Element anchor : doc.select("a[href]")) {
            absolute(anchor.absUrl("href")).filter(isArticle).ifPresent(seen::add);
        }
        List<DiscoveredLink> links = new ArrayList<>();
        for (URI url : seen) {
            links.add(new DiscoveredLink(url, null, "", page));
        }
        Optional<URI> next = Optional.empty();
        Element rel = doc.selectFirst("link[rel=next][href], a[rel=next][href]");
        if (rel != null) {
            next = absolute(rel.absUrl("href")).filter(u -> !u.equals(page));
        }
        return new Section(links, next);
    }

    private static Optional<URI> absolute(String href) {
        if (href == null || href.isEmpty()) {
            return Optional.empty();
        }
        int fragment = href.indexOf('#'); // the same page with another fragment is the same page
        try {
            URI uri = new URI(fragment < 0 ? href : href.substring(0, fragment));
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
