package org.stancewatch.notify.channel;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.stancewatch.model.Evidence;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;
import org.stancewatch.notify.render.NoticeText;

/** The Atom entry of one notice: its id ties it to the notice, so a repeat replaces it. */
final class AtomEntries {
    static final String ID_PREFIX = "urn:stancewatch:notice:";

    private AtomEntries() {}

    static String idOf(Notice notice) {
        return ID_PREFIX + notice.id();
    }

    static Entry of(Notice notice) {
        Entry entry = new Entry();
        entry.setId(idOf(notice));
        entry.setTitle(NoticeText.headline(notice));
        // The notice's own time, not the write's: a repeated delivery writes the identical entry.
        Date at = Date.from(notice.at());
        entry.setUpdated(at);
        entry.setPublished(at);
        entry.setSummary(text(NoticeText.summary(notice)));
        entry.setContents(List.of(text(NoticeText.body(Delivery.single(notice)))));
        Category category = new Category();
        category.setTerm(notice.alert() != null ? notice.alert().kind().json() : "source");
        entry.setCategories(List.of(category));
        if (notice.alert() != null) {
            links(entry, notice.alert().evidence());
        }
        return entry;
    }

    /** The first evidence article is the entry's link; all of them are {@code related}. */
    private static void links(Entry entry, List<Evidence> evidence) {
        List<Link> alternate = new ArrayList<>();
        List<Link> related = new ArrayList<>();
        for (Evidence item : evidence) {
            if (!isWebLink(item.url())) {
                continue;
            }
            if (alternate.isEmpty()) {
                alternate.add(link("alternate", item.url(), item.outlet()));
            }
            related.add(link("related", item.url(), NoticeText.evidenceSource(item)));
        }
        entry.setAlternateLinks(alternate);
        entry.setOtherLinks(related);
    }

    private static boolean isWebLink(String url) {
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static Link link(String rel, String href, String title) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href.strip());
        link.setType("text/html");
        if (title != null && !title.isBlank()) {
            link.setTitle(title);
        }
        return link;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }
}
