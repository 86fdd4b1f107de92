package org.stancewatch.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.notify.NoticeFixtures;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feed channel, its file read back with the JDK's own XML parser. */
class AtomFeedChannelTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private final Clock clock = Clock.fixed(Instant.parse("2011-04-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void aDeliveryBecomesAValidAtomEntryWithTitleSummaryContentAndEvidenceLinks() throws Exception {
        Path file = folder.resolve("alerts.atom");
        var settings = new AtomSettings(file, null, null, URI.create("http://127.0.0.1:8095/alerts.atom"));
        Notice notice = Notice.of(NoticeFixtures.toneAlert("russia", "missile-defense", "nytimes.com"));

        new AtomFeedChannel("feed", settings, clock).send(Delivery.single(notice));

        Element feed = parse(file).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, "id")).isEqualTo("urn:stancewatch:feed:feed");
        assertThat(child(feed, "title")).isEqualTo("stancewatch alerts");
        assertThat(Instant.parse(child(feed, "updated"))).isEqualTo(clock.instant());
        assertThat(childElement(feed, "author").getElementsByTagNameNS(ATOM, "name").item(0).getTextContent())
                .isEqualTo("stancewatch");
        assertThat(links(feed, "self")).containsExactly("http://127.0.0.1:8095/alerts.atom");

        List<Element> entries = entries(feed);
        assertThat(entries).hasSize(1);
        Element entry = entries.get(0);
        assertThat(child(entry, "id")).isEqualTo("urn:stancewatch:notice:" + notice.id());
        assertThat(child(entry, "title")).isEqualTo("Tone toward russia on missile-defense in nytimes.com turned negative: -0.42");
        assertThat(Instant.parse(child(entry, "updated"))).isEqualTo(notice.at());
        assertThat(child(entry, "summary")).contains("baseline +0.05 over 30 days");
        assertThat(childElement(entry, "content").getAttribute("type")).isEqualTo("text");
        assertThat(child(entry, "content")).contains("Moscow condemned the missile shield as a threat.");
        assertThat(links(entry, "alternate")).containsExactly("https://www.nytimes.com/2011/03/02/world/europe/shield.html");
        assertThat(links(entry, "related")).containsExactly(
                "https://www.nytimes.com/2011/03/02/world/europe/shield.html",
                "https://www.nytimes.com/2011/03/04/world/europe/warning.html");
    }

    @Test
    void theSameDeliveryTwiceLeavesOneEntryEvenAcrossARestart() throws Exception {
        Path file = folder.resolve("alerts.atom");
        Delivery delivery = Delivery.single(Notice.of(NoticeFixtures.toneAlert("russia", "iran", "nytimes.com")));

        new AtomFeedChannel("feed", AtomSettings.in(file), clock).send(delivery);
        new AtomFeedChannel("feed", AtomSettings.in(file), clock).send(delivery);

        assertThat(entries(parse(file).getDocumentElement())).hasSize(1);
    }

    @Test
    void aDigestAddsOneEntryPerNotice() throws Exception {
        Path file = folder.resolve("alerts.atom");
        Delivery digest = Delivery.digest(List.of(
                Notice.of(NoticeFixtures.toneAlert("russia", "iran", "nytimes.com")),
                Notice.of(NoticeFixtures.attentionAlert("iran")),
                Notice.of(NoticeFixtures.sourceStatus("bbc-world", SourceHealth.SILENT, "quiet for 3 days"))));

        new AtomFeedChannel("feed", AtomSettings.in(file), clock).send(digest);

        assertThat(entries(parse(file).getDocumentElement())).extracting(entry -> child(entry, "title"))
                .hasSize(3).anySatisfy(title -> assertThat(title).startsWith("Attention burst: iran"))
                .anySatisfy(title -> assertThat(title).isEqualTo("Source bbc-world (bbc.co.uk) is silent: quiet for 3 days"));
    }

    @Test
    void moreDeliveriesThanMaxEntriesKeepTheNewestNNewestFirst() throws Exception {
        Path file = folder.resolve("alerts.atom");
        int max = 10;
        AtomFeedChannel channel = new AtomFeedChannel("feed", new AtomSettings(file, max, null, null), clock);
        List<Notice> sent = new ArrayList<>();
        for (int week = 0; week < max + 5; week++) {
            Instant windowStart = NoticeFixtures.WINDOW_START.plus(Duration.ofDays(7L * week));
            Notice notice = Notice.of(NoticeFixtures.toneAlert("russia", StanceBucket.ALL, "nytimes.com", StanceBucket.ALL, windowStart));
            sent.add(notice);
            channel.send(Delivery.single(notice));
        }

        List<String> ids = entries(parse(file).getDocumentElement()).stream().map(entry -> child(entry, "id")).toList();
        List<String> newestTen = sent.reversed().subList(0, max).stream().map(AtomEntries::idOf).toList();
        assertThat(ids).containsExactlyElementsOf(newestTen);
    }

    @Test
    void aCorruptFileIsSetAsideAndANewValidFeedBegins() throws Exception {
        Path file = folder.resolve("alerts.atom");
        Files.writeString(file, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>half a fee");

        AtomFeedChannel channel = new AtomFeedChannel("feed", AtomSettings.in(file), clock);
        channel.send(Delivery.single(Notice.of(NoticeFixtures.toneAlert("russia", "iran", "nytimes.com"))));

        assertThat(entries(parse(file).getDocumentElement())).hasSize(1);
        try (Stream<Path> files = Files.list(folder)) {
            Path aside = files.filter(path -> path.getFileName().toString().startsWith("alerts.atom.unreadable-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(aside)).endsWith("half a fee");
        }
    }

    @Test
    void anotherFeedInThePlaceIsSetAsideNotMergedOrOverwritten() throws Exception {
        Path file = folder.resolve("alerts.atom");
        String foreign = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>blog</title><link>https://b.example</link>"
                + "<description>d</description><item><title>post</title></item></channel></rss>";
        Files.writeString(file, foreign);

        new AtomFeedChannel("feed", AtomSettings.in(file), clock)
                .send(Delivery.single(Notice.of(NoticeFixtures.toneAlert("russia", "iran", "nytimes.com"))));

        assertThat(child(parse(file).getDocumentElement(), "id")).isEqualTo("urn:stancewatch:feed:feed");
        List<Path> others;
        try (Stream<Path> files = Files.list(folder)) {
            others = files.filter(path -> !path.equals(file)).toList();
        }
        assertThat(others).singleElement().satisfies(aside -> assertThat(Files.readString(aside)).isEqualTo(foreign));
    }

    @Test
    void settingsDefaultToDataAlertsAtomAndAHundredEntries() {
        AtomSettings defaults = AtomSettings.defaults();

        assertThat(defaults.file()).isEqualTo(Path.of("data", "alerts.atom"));
        assertThat(defaults.maxEntries()).isEqualTo(100);
        assertThatThrownBy(() -> new AtomSettings(null, 0, null, null))
                .hasMessageContaining("maxEntries must be 1 to");
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    static List<Element> entries(Element feed) {
        List<Element> entries = new ArrayList<>();
        NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    private static Element childElement(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }

    private static String child(Element parent, String name) {
        return childElement(parent, name).getTextContent();
    }

    private static List<String> links(Element parent, String rel) {
        List<String> hrefs = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element link && "link".equals(link.getLocalName()) && rel.equals(link.getAttribute("rel"))) {
                hrefs.add(link.getAttribute("href"));
            }
        }
        return hrefs;
    }
}
