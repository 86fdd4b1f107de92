package org.stancewatch.ingest.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    /** Labels are short; a longer text node is never one. */
    private static final int LABEL_CHARS = 20;
    private static final Set<String> DATE_LABELS = Set.of(
            "date", "datum", "published", "publiziert", "veröffentlicht", "veröffentlicht am", "erschienen",
            "erschienen am", "stand", "publié le", "publicado");
    private static final Set<String> AUTHOR_LABELS = Set.of(
            "author", "authors", "autor", "autorin", "autoren", "text", "written by", "auteur", "autora", "by", "von",
            "par", "por");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?:^|\\s|:)(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?((?:19|20)\\d{2})(?:$|[\\s,|])");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:,|;| and | und | & )\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

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
            if (best == null || labelledDateAt >= 0 && distanceToDate(field) < distanceToDate(best)) {
                best = field;
            }
        }
        return Optional.ofNullable(best).map(Field::text);
    }

    /** Text nodes between the field and the labelled date; a field after the date is nearer at equal count. */
    private double distanceToDate(Field field) {
        return field.at() > labelledDateAt ? field.at() - labelledDateAt : labelledDateAt - field.at() + 0.5;
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
            String whole = textNode.getWholeText();
            if (whole.length() > 4 * FIELD_CHARS) {
                // prose: no field, and no label for the next node
                index++;
                previous = "";
                return;
            }
            String text = whole.strip();
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
            int digit = firstDigit(text);
            if (digit >= 0) {
                // "Date" then "19.01.2020", or "Datum: 19.01.2020" in one
                if (labelledDate == null && (DATE_LABELS.contains(label(previous)) || DATE_LABELS.contains(label(text.substring(0, digit))))) {
                    labelledDate = numericDate(text);
                    labelledDateAt = labelledDate == null ? -1 : index;
                }
                if (dateNearHeadline == null && sinceHeadline > 0 && sinceHeadline <= NEAR_HEADLINE) {
                    dateNearHeadline = numericDate(text);
                }
                return;
            }
            int colon = text.indexOf(':');
            if (colon > 0 && colon <= LABEL_CHARS && AUTHOR_LABELS.contains(label(text.substring(0, colon)))) {
                String byline = text.substring(colon + 1).strip();
                if (looksLikeNames(byline)) {
                    bylines.add(new Field(index, byline));
                }
            } else if (AUTHOR_LABELS.contains(label(previous)) && looksLikeNames(text)) {
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
        String first = NAME_SEPARATOR.split(text, 2)[0].strip();
        if (first.isEmpty() || first.length() > 60) {
            return false;
        }
        String[] words = SPACES.split(first);
        return words.length >= 2 && words.length <= 5 && Character.isUpperCase(first.charAt(0));
    }

    /** The text as a label: lower case, without a trailing colon; empty for text too long to be one. */
    private static String label(String text) {
        if (text.length() > LABEL_CHARS) {
            return "";
        }
        String label = text.strip();
        if (label.endsWith(":")) {
            label = label.substring(0, label.length() - 1).strip();
        }
        return label.toLowerCase(Locale.ROOT);
    }

    private static int firstDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return i;
            }
        }
        return -1;
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
