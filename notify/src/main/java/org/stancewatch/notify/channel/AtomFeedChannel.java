package org.stancewatch.notify.channel;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

/**
 * Keeps an Atom 1.0 file of the latest notices, newest first, for any feed reader (serve it with
 * {@link FeedServer} or any web server).
 *
 * <p>Each notice is one entry whose id is {@code urn:stancewatch:notice:<notice id>}: a repeated
 * delivery replaces its entry, and a digest adds one entry per notice (a feed has no hourly
 * limit). The file is written aside and moved into place, so a reader never sees half a feed. A
 * file there at start that is not this channel's feed is renamed aside, with a warning, and a new
 * feed begins.
 */
public final class AtomFeedChannel implements Channel {
    private static final Logger log = LoggerFactory.getLogger(AtomFeedChannel.class);
    private static final String FEED_TYPE = "atom_1.0";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String name;
    private final AtomSettings settings;
    private final Clock clock;
    /** Entries by id, in no particular order; sorted when written. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public AtomFeedChannel(String name, AtomSettings settings) {
        this(name, settings, Clock.systemUTC());
    }

    AtomFeedChannel(String name, AtomSettings settings, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
        load();
    }

    @Override
    public String name() {
        return name;
    }

    /** The feed's own id, permanent for the channel. */
    public String feedId() {
        return "urn:stancewatch:feed:" + name;
    }

    @Override
    public synchronized void send(Delivery delivery) throws DeliveryException {
        Map<String, Entry> before = new LinkedHashMap<>(entries);
        for (Notice notice : delivery.notices()) {
            Entry entry = AtomEntries.of(notice);
            entries.put(entry.getId(), entry);
        }
        trim();
        try {
            write();
        } catch (IOException | FeedException e) {
            entries.clear();
            entries.putAll(before); // the file still holds the old feed; so does memory
            throw new DeliveryException("cannot write the feed " + settings.file() + " (" + e.getMessage()
                    + "); check the folder exists and is writable", e instanceof IOException, e);
        }
    }

    private void trim() {
        List<Entry> newestFirst = newestFirst();
        for (Entry old : newestFirst.subList(Math.min(settings.maxEntries(), newestFirst.size()), newestFirst.size())) {
            entries.remove(old.getId());
        }
    }

    private List<Entry> newestFirst() {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing(Entry::getUpdated, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Entry::getId));
        return sorted;
    }

    private void write() throws IOException, FeedException {
        Path file = settings.file().toAbsolutePath();
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                new WireFeedOutput().output(feed(), out, true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Feed feed() {
        Feed feed = new Feed(FEED_TYPE);
        feed.setId(feedId());
        feed.setTitle(settings.title());
        feed.setUpdated(Date.from(clock.instant()));
        Person author = new Person();
        author.setName("stancewatch");
        feed.setAuthors(List.of(author));
        if (settings.selfLink() != null) {
            Link self = new Link();
            self.setRel("self");
            self.setType("application/atom+xml");
            self.setHref(settings.selfLink().toString());
            feed.setOtherLinks(List.of(self));
        }
        feed.setEntries(newestFirst());
        return feed;
    }

    /** Reads the feed a previous run left; anything else there is set aside, never overwritten. */
    private void load() {
        Path file = settings.file();
        if (!Files.exists(file)) {
            return;
        }
        String unusable;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            WireFeed read = new WireFeedInput().build(in);
            if (read instanceof Feed feed && FEED_TYPE.equals(feed.getFeedType()) && feedId().equals(feed.getId())) {
                for (Entry entry : feed.getEntries()) {
                    if (entry.getId() != null && entry.getId().startsWith(AtomEntries.ID_PREFIX)) {
                        entries.put(entry.getId(), entry);
                    }
                }
                trim();
                return;
            }
            unusable = "it is not the Atom feed of channel " + name + " (it is "
                    + (read instanceof Feed feed ? "feed " + feed.getId() : read.getFeedType()) + ")";
        } catch (IOException | FeedException | RuntimeException e) {
            // Rome throws IllegalArgumentException for XML that is no feed at all
            unusable = "it cannot be read as a feed (" + e.getMessage() + ")";
        }
        setAside(file, unusable);
    }

    private void setAside(Path file, String reason) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            log.warn("feed file {} is set aside as {}: {}; channel {} starts a new feed", file, aside, reason, name);
        } catch (IOException e) {
            throw new IllegalStateException("the feed file " + file + " cannot be used (" + reason
                    + ") nor renamed aside (" + e.getMessage() + "); move it away or choose another file", e);
        }
    }
}
