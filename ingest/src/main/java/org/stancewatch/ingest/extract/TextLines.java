package org.stancewatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Renders the main elements as lines of text, one per paragraph, heading, list item or cell,
 * and drops the lines that are boilerplate inside the main text: link lists, one-word share or
 * print prompts, "advertisement" labels, "read more" links, and the headline repeated.
 */
final class TextLines {
    private static final Pattern BOILERPLATE_LINE = Pattern.compile(
            "(?i)^(advertisement|anzeige|werbung|publicité|publicidad|pubblicità|sponsored|share( this)?( article| story)?"
                    + "|teilen|share on \\w+|tweet|print|drucken|e-?mail|read more|weiterlesen|mehr zum thema"
                    + "|more on this( story)?|related( articles| stories| content)?|see also|follow us.*|sign up.*"
                    + "|subscribe.*|all rights reserved.*|©.*|copyright.*|photo:.*|foto:.*|image:.*|credit:.*"
                    + "|bild:.*|quelle:.*|source:.*|getty images|reuters|afp|ap|dpa|loading\\.*|comments?"
                    + "|\\d+ comments?|kommentare?|back to top|nach oben|top)[.:!]?$");
    private static final int SHORT_LINE = 40;

    private TextLines() {}

    /** A rendered line with its share of link text. */
    record Line(String text, String tag, double linkDensity) {}

    static String render(List<Element> elements, String title) {
        List<Line> lines = new ArrayList<>();
        for (Element element : elements) {
            collect(element, lines);
        }
        String normalizedTitle = normalize(title);
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            if (keep(line, normalizedTitle)) {
                if (!out.isEmpty()) {
                    out.append("\n\n");
                }
                out.append(line.text());
            }
        }
        return out.toString();
    }

    private static boolean keep(Line line, String normalizedTitle) {
        String text = line.text();
        int length = text.length();
        if (line.linkDensity() > 0.5 && length < 400) {
            return false;
        }
        if (line.tag().equals("h1") && normalize(text).equals(normalizedTitle)) {
            return false;
        }
        if (!normalizedTitle.isEmpty() && length < 300 && normalize(text).equals(normalizedTitle)) {
            return false;
        }
        return !(length < SHORT_LINE && BOILERPLATE_LINE.matcher(text).matches());
    }

    private static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static void collect(Element root, List<Line> lines) {
        LineBuilder builder = new LineBuilder(lines);
        root.traverse(builder);
        builder.flush(root.normalName());
    }

    /** Walks the tree, starting a line at each block boundary and at {@code <br>}. */
    private static final class LineBuilder implements NodeVisitor {
        private final List<Line> lines;
        private final StringBuilder text = new StringBuilder();
        private int linkChars;
        private int linkDepth;
        private String blockTag = "p";

        LineBuilder(List<Line> lines) {
            this.lines = lines;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                append(textNode.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    flush(blockTag);
                } else if (tag.equals("a")) {
                    linkDepth++;
                } else if (!TextStats.INLINE.contains(tag)) {
                    flush(blockTag);
                    blockTag = tag;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("a")) {
                    linkDepth--;
                } else if (!TextStats.INLINE.contains(tag) && !tag.equals("br")) {
                    flush(tag);
                }
            }
        }

        private void append(String raw) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                boolean space = Character.isWhitespace(c) || c == '\u00a0';
                if (space) {
                    if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                        if (linkDepth > 0) {
                            linkChars++;
                        }
                    }
                } else {
                    text.append(c);
                    if (linkDepth > 0) {
                        linkChars++;
                    }
                }
            }
        }

        void flush(String tag) {
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
            if (end > 0) {
                String line = text.substring(0, end);
                lines.add(new Line(line, tag, Math.min(1.0, (double) linkChars / line.length())));
            }
            text.setLength(0);
            linkChars = 0;
        }
    }
}
