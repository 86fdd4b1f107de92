package org.stancewatch.ingest.discover;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads sitemaps, sitemap indexes and Google News sitemaps with crawler-commons: a pure
 * function of (URL, bytes, content type).
 *
 * <p>Limits keep a hostile sitemap harmless: a gzipped sitemap is inflated here with a size
 * limit (no gzip bomb), at most {@link #MAX_URLS} URLs are read from one sitemap (the protocol's
 * own limit), and document type declarations are refused (no external entities).
 */
public final class SitemapParser {
    /** The sitemap protocol's limit per file. */
    public static final int MAX_URLS = 50_000;

    private SitemapParser() {}

    /** A parsed sitemap: either an index of sitemaps or a list of pages. */
    public record Sitemap(boolean index, List<URI> sitemaps, List<DiscoveredLink> links) {}

    /**
     * @param maxBytes the largest sitemap accepted once inflated
     * @throws DiscoveryException {@code malformed-sitemap} or {@code too-large}
     */
    public static Sitemap parse(URI url, byte[] body, String contentType, long maxBytes) throws DiscoveryException {
        byte[] xml = isGzip(body) ? gunzip(body, maxBytes) : body;
        crawlercommons.sitemaps.SiteMapParser parser = new crawlercommons.sitemaps.SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        parser.setAllowDocTypeDefinitions(false);
        AbstractSiteMap parsed;
        try {
            parsed = isGzip(body) ? parser.parseSiteMap("application/xml", xml, url.toURL())
                    : contentType == null || contentType.isBlank() ? parser.parseSiteMap(xml, url.toURL()) // sniffed
                    : parser.parseSiteMap(contentType, xml, url.toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new DiscoveryException("malformed-sitemap", "not a readable sitemap: " + FeedParser.firstLine(e), e);
        }
        if (parsed.isIndex()) {
            List<AbstractSiteMap> children = new ArrayList<>(((SiteMapIndex) parsed).getSitemaps());
            // newest first, so a limit on sitemaps per run keeps the fresh ones
            children.sort(Comparator.comparing(AbstractSiteMap::getLastModified,
                    Comparator.nullsLast(Comparator.reverseOrder())));
            List<URI> sitemaps = new ArrayList<>();
            for (AbstractSiteMap child : children) {
                toUri(child.getUrl().toString()).ifPresent(sitemaps::add);
                if (sitemaps.size() >= MAX_URLS) {
                    break;
                }
            }
            return new Sitemap(true, sitemaps, List.of());
        }
        List<DiscoveredLink> links = new ArrayList<>();
        for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
            if (links.size() >= MAX_URLS) {
                break;
            }
            var link = toUri(entry.getUrl().toString());
            if (link.isEmpty()) {
                continue;
            }
            Instant published = null;
            String title = "";
            ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
            if (news != null && news.length > 0 && news[0] instanceof NewsAttributes attributes) {
                if (attributes.getPublicationDate() != null) {
                    published = attributes.getPublicationDate().toInstant();
                }
                title = attributes.getTitle();
            }
            if (published == null && entry.getLastModified() != null) {
                published = entry.getLastModified().toInstant();
            }
            links.add(new DiscoveredLink(link.get(), published, title, url));
        }
        return new Sitemap(false, List.of(), links);
    }

    private static java.util.Optional<URI> toUri(String url) {
        try {
            return java.util.Optional.of(new URI(url));
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean isGzip(byte[] body) {
        return body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] body, long maxBytes) throws DiscoveryException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new DiscoveryException("too-large", "the gzipped sitemap inflates past the limit of "
                            + maxBytes + " bytes", null);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new DiscoveryException("malformed-sitemap", "corrupt gzip: " + e.getMessage(), e);
        }
    }
}
