package org.stancewatch.ingest.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The date and byline a page shows to readers when its markup declares neither: a labelled
 * field ("Date 19.01.2020", "Author: Ben Knight", "<strong>Autor</strong> Ben Knight"), or a
 * bare "dd.mm.yyyy" just under the headline. Read in one walk over the short text nodes of the
 * page, before anything is pruned.
 */
final class VisibleMetadata {
    /** Text nodes longer than this are prose, not a field. */
    private static final int FIELD_CHARS = 80;
    /** A bare date counts as the article's when it comes within this many text nodes after the {@code <h1>}. */
    private static final int NEAR_HEADLINE = 12;
    private static final Pattern DATE_LABEL = Pattern.compile(
            "(?i)^(date|datum|published|publiziert|veröffentlicht( am)?|erschienen( am)?|stand|publié le|publicado)\\s*:?$");
    private static final Pattern AUTHOR_LABEL = Pattern.compile(
            "(?i)^(author|authors|autor|autorin|autoren|text|written by|auteur|autora|by|von|par|por)\\s*:?$");
    private static final Pattern LABELLED_AUTHOR = Pattern.compile(
            "(?i)^(author|authors|autor|autorin|autoren|written by|auteur|autora)\\s*:\\s*(.{3,60})$");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?:^|\\s|:)(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?((?:19|20)\\d{2})(?:$|[\\s,|])");
    private static final Pattern LABELLED_DATE = Pattern.compile(
            "(?i)^(date|datum|published|publiziert|veröffentlicht( am)?|erschienen( am)?|stand)\\s*:?\\s*\\d.*");

    private Instant labelledDate;
    private int labelledDateAt = -1;
    private Instant dateNearHeadline;
    /** Labelled bylines with the index of their text node: a page may label a photo's author too. */
    private final List<Field> bylines = new ArrayList<>();

    private record Field(int at, String text) {}

    private VisibleMetadata() {}

    static VisibleMetadata read(Element body) {
        VisibleMetadata found = new VisibleMetadata();
        if (body != null) {
            body.traverse(found.new Walker());
        }
        return found;
    }

    /** The labelled date, else the bare date under the headline. */
    Optional<Instant> date() {
        return Optional.ofNullable(labelledDate != null ? labelledDate : dateNearHeadline);
    }

    /**
     * The labelled byline, as written (not yet split into names): the one nearest the labelled
     * date where there is one (they share the article's field list), else the first.
     */
    Optional<String> byline() {
        Field best = null;
        for (Field field : bylines) {
            if (best == null || labelledDateAt >= 0
                    && Math.abs(field.at() - labelledDateAt) < Math.abs(best.at() - labelledDateAt)) {
                best = field;
            }
        }
        return Optional.ofNullable(best).map(Field::text);
    }

    private final class Walker implements NodeVisitor {
        private String previous = "";
        private int sinceHeadline = -1;
        private int index;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element && element.normalName().equals("h1") && sinceHeadline < 0) {
                sinceHeadline = 0;
                return;
            }
            if (!(node instanceof TextNode textNode) || inScript(textNode)) {
                return;
            }
            String text = textNode.getWholeText().strip();
            if (text.isEmpty()) {
                return;
            }
            index++;
            if (sinceHeadline >= 0) {
                sinceHeadline++;
            }
            if (text.length() <= FIELD_CHARS) {
                readField(text);
            }
            previous = text;
        }

        private void readField(String text) {
            if (labelledDate == null && (DATE_LABEL.matcher(previous).matches() || LABELLED_DATE.matcher(text).matches())) {
                labelledDate = numericDate(text);
                labelledDateAt = labelledDate == null ? -1 : index;
            }
            if (dateNearHeadline == null && sinceHeadline > 0 && sinceHeadline <= NEAR_HEADLINE) {
                dateNearHeadline = numericDate(text);
            }
            Matcher labelled = LABELLED_AUTHOR.matcher(text);
            if (labelled.matches() && looksLikeNames(labelled.group(2))) {
                bylines.add(new Field(index, labelled.group(2)));
            } else if (AUTHOR_LABEL.matcher(previous).matches() && looksLikeNames(text)) {
                bylines.add(new Field(index, text));
            }
        }

        private static boolean inScript(TextNode text) {
            Node parent = text.parentNode();
            return parent instanceof Element element
                    && (element.normalName().equals("script") || element.normalName().equals("style"));
        }
    }

    /**
     * True for "Ben Knight" or "Anna Petrova, James Whitfield": two to five words per name, the
     * first capitalised. A label followed by "Search" or "News" is a menu, not a byline.
     */
    static boolean looksLikeNames(String text) {
        String first = text.split("\\s*(?:,|;| and | und | & )\\s*", 2)[0].strip();
        String[] words = first.split("\\s+");
        return words.length >= 2 && words.length <= 5 && Character.isUpperCase(first.charAt(0));
    }

    /** The day of a "dd.mm.yyyy" in the text, if there is one and it is a real date. */
    private static Instant numericDate(String text) {
        Matcher m = NUMERIC_DATE.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
