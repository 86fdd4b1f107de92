package org.stancewatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Renders the main elements as lines of text, one per paragraph, heading, list item or cell,
 * and drops the lines that are boilerplate inside the main text: link lists, one-word share or
 * print prompts, credits and bare dates ({@link BoilerplateLines}), the headline repeated,
 * headings left with nothing under them (they introduced a link list), everything from the
 * heading of a site's recommendations on, and the short lines that are not sentences after the
 * last line of prose.
 */
final class TextLines {
    /** Recommendations start no earlier than this share of the lines: above it, such a heading is a box inside the article. */
    private static final double RECOMMENDATIONS_FROM = 0.3;
    /** A line this long, mostly not links, is prose: recommendations followed by one were a box inside the article. */
    private static final int PARAGRAPH = 200;
    /** Notices are looked for among the first lines and this share of the last ones. */
    private static final double NOTICE_EDGE = 0.3;
    private static final int NOTICE_FIRST_LINES = 2;
    /** Longer lines are prose even with a notice word in them. */
    private static final int NOTICE_MAX_CHARS = 250;

    /** A line this long at the end of the text is prose, sentence or not. */
    private static final int TAIL_LINE = 50;

    private TextLines() {}

    /** A rendered line with its share of link text. */
    record Line(String text, String tag, double linkDensity) {
        boolean isListEntry() {
            return tag.equals("li") || tag.equals("dd") || tag.equals("td");
        }

        boolean isHeading() {
            return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
        }
    }

    static String render(List<Element> elements, String title) {
        List<Line> lines = new ArrayList<>();
        for (Element element : elements) {
            collect(element, lines);
        }
        String normalizedTitle = normalize(title);
        int end = endOfArticle(lines);
        boolean[] kept = new boolean[end];
        for (int i = 0; i < end; i++) {
            kept[i] = keep(lines.get(i), normalizedTitle) && !isNoticeAtEdge(lines.get(i).text(), i, end);
        }
        dropEmptySections(lines, kept);
        dropTail(lines, kept);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < end; i++) {
            if (kept[i]) {
                if (!out.isEmpty()) {
                    out.append("\n\n");
                }
                out.append(lines.get(i).text());
            }
        }
        return out.toString();
    }

    /** The index of the heading that opens the recommendations after the article, or the number of lines. */
    private static int endOfArticle(List<Line> lines) {
        for (int i = (int) (lines.size() * RECOMMENDATIONS_FROM); i < lines.size(); i++) {
            if (i > 0 && BoilerplateLines.opensRecommendations(lines.get(i).text()) && !paragraphAfter(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    /** True when a paragraph of prose follows line {@code i}: the recommendations were a box inside the article. */
    private static boolean paragraphAfter(List<Line> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            Line line = lines.get(j);
            if (line.text().length() >= PARAGRAPH && line.linkDensity() < 0.5) {
                return true;
            }
        }
        return false;
    }

    /** Drops headings whose section kept no line: what they introduced was a link list or a prompt. */
    private static void dropEmptySections(List<Line> lines, boolean[] kept) {
        int heading = -1;
        boolean sectionHasText = false;
        boolean sectionHasDropped = false;
        for (int i = 0; i <= kept.length; i++) {
            boolean atHeading = i == kept.length || lines.get(i).isHeading() && kept[i] && !Prose.endsSentence(lines.get(i).text());
            if (atHeading) {
                if (heading >= 0 && !sectionHasText && (sectionHasDropped || i == kept.length)) {
                    kept[heading] = false;
                }
                heading = i;
                sectionHasText = false;
                sectionHasDropped = false;
            } else if (kept[i]) {
                sectionHasText = true;
            } else {
                sectionHasDropped = true;
            }
        }
    }

    /** Drops the short lines that are not sentences after the last line of prose: labels, links, a contact line. */
    private static void dropTail(List<Line> lines, boolean[] kept) {
        for (int i = kept.length - 1; i >= 0; i--) {
            if (!kept[i]) {
                continue;
            }
            Line line = lines.get(i);
            String text = line.text();
            if (text.length() >= TAIL_LINE || Prose.endsSentence(text) || text.indexOf(':') >= 0 || line.isListEntry()) {
                return; // prose, a label with its value or one that introduces a link, an entry of a list
            }
            kept[i] = false;
        }
    }

    /** A short line with a notice word among the first or last lines: a subscription appeal, a disclaimer, a cookie note. */
    private static boolean isNoticeAtEdge(String text, int i, int lines) {
        boolean edge = i < NOTICE_FIRST_LINES || i >= lines * (1 - NOTICE_EDGE);
        return edge && text.length() < NOTICE_MAX_CHARS && Notices.terms(text) > 0;
    }

    private static boolean keep(Line line, String normalizedTitle) {
        String text = line.text();
        int length = text.length();
        if (line.linkDensity() > 0.5 && length < 400) {
            return false;
        }
        if (repeatsTitle(text, normalizedTitle)) {
            return false;
        }
        return !BoilerplateLines.isBoilerplate(text);
    }

    /** True for the headline repeated; only lines about as long as it are normalised to compare. */
    private static boolean repeatsTitle(String text, String normalizedTitle) {
        int length = normalizedTitle.length();
        return length > 0 && text.length() >= length && text.length() <= 2 * length + 10
                && normalize(text).equals(normalizedTitle);
    }

    /** Lower case letters and digits, every run of anything else one space. */
    private static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString().strip();
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
