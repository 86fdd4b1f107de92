package org.stancewatch.ingest.discover;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads the article links of an RSS (0.9x, 1.0/RDF, 2.0) or Atom feed with Rome: a pure
 * function of (URL, bytes, content type).
 *
 * <p>Document type declarations are refused, so an XML external entity in a feed can neither
 * read a local file nor make a request (Rome's {@code allowDoctypes} is off, and its parser has
 * external entities and DTD loading disabled). Elements nested more than {@link
 * DepthLimitedFeedInput#MAX_DEPTH} levels deep make a feed malformed instead of overflowing the
 * stack in Rome's recursive reading.
 */
public final class FeedParser {
    /** Entries read from one feed at most; feeds list the newest first. */
    static final int MAX_ENTRIES = 1000;

    private FeedParser() {}

    /**
     * The feed's entries with a link, newest first as the feed lists them.
     *
     * @throws DiscoveryException {@code malformed-feed} for anything that is not a readable feed
     */
    public static List<DiscoveredLink> parse(URI feedUrl, byte[] body, String contentType) throws DiscoveryException {
        SyndFeed feed;
        try {
            feed = new SyndFeedImpl(new DepthLimitedFeedInput()
                    .build(new XmlReader(new ByteArrayInputStream(body), contentType, true)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new DiscoveryException("malformed-feed", "not a readable RSS or Atom feed: " + firstLine(e), e);
        }
        List<DiscoveredLink> links = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (links.size() >= MAX_ENTRIES) {
                break;
            }
            URI link = link(feedUrl, entry);
            if (link != null) {
                links.add(new DiscoveredLink(link, instant(entry.getPublishedDate(), entry.getUpdatedDate()),
                        entry.getTitle() == null ? "" : entry.getTitle().strip(), feedUrl));
            }
        }
        return links;
    }

    private static URI link(URI feedUrl, SyndEntry entry) {
        List<String> candidates = new ArrayList<>();
        if (entry.getLink() != null) {
            candidates.add(entry.getLink());
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getHref() != null && (link.getRel() == null || link.getRel().equals("alternate"))) {
                candidates.add(link.getHref());
            }
        }
        if (entry.getUri() != null && entry.getUri().startsWith("http")) {
            candidates.add(entry.getUri());
        }
        for (String candidate : candidates) {
            try {
                URI resolved = feedUrl.resolve(candidate.strip());
                if (resolved.getScheme() != null && resolved.getScheme().startsWith("http") && resolved.getHost() != null) {
                    return resolved;
                }
            } catch (IllegalArgumentException e) {
                // try the next link
            }
        }
        return null;
    }

    private static Instant instant(Date published, Date updated) {
        Date date = published != null ? published : updated;
        return date == null ? null : date.toInstant();
    }

    static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
