package org.stancewatch.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Counts, in one walk over the page, the text each block element holds directly and the text
 * under each element: characters, characters inside links, and commas. Inline elements
 * ({@code <a>}, {@code <span>}, {@code <b>} ...) belong to the block around them.
 */
final class TextStats {
    static final Set<String> INLINE = Set.of(
            "a", "span", "b", "i", "em", "strong", "u", "font", "small", "big", "sup", "sub", "abbr", "cite",
            "q", "code", "mark", "time", "s", "strike", "del", "ins", "bdi", "bdo", "kbd", "var", "dfn", "tt",
            "acronym", "wbr", "nobr", "samp", "data", "ruby", "rt", "rp");

    /** Counts for one element. */
    static final class Counts {
        int chars;
        int linkChars;
        int commas;
        /** Only for blocks: the text the block holds itself, not through nested blocks. */
        int ownChars;
        int ownLinkChars;
        int ownCommas;

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }

        double ownLinkDensity() {
            return ownChars == 0 ? 0 : (double) ownLinkChars / ownChars;
        }
    }

    private final Map<Element, Counts> counts = new IdentityHashMap<>();
    private final Map<Element, Counts> blocks = new IdentityHashMap<>();

    private TextStats() {}

    static TextStats measure(Element root) {
        TextStats stats = new TextStats();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    stats.add(text);
                }
            }
        });
        return stats;
    }

    private void add(TextNode text) {
        String whole = text.getWholeText();
        int chars = visibleChars(whole);
        if (chars == 0) {
            return;
        }
        int commas = 0;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c == ',' || c == '，' || c == '、') {
                commas++;
            }
        }
        boolean inLink = false;
        Element block = null;
        for (Node p = text.parentNode(); p instanceof Element element; p = p.parentNode()) {
            String tag = element.normalName();
            if (block == null) {
                if (tag.equals("a")) {
                    inLink = true;
                }
                if (!INLINE.contains(tag)) {
                    block = element;
                    Counts own = blocks.computeIfAbsent(block, b -> counts.computeIfAbsent(b, x -> new Counts()));
                    own.ownChars += chars;
                    own.ownCommas += commas;
                    if (inLink) {
                        own.ownLinkChars += chars;
                    }
                }
            }
            Counts c = counts.computeIfAbsent(element, x -> new Counts());
            c.chars += chars;
            c.commas += commas;
            if (inLink) {
                c.linkChars += chars;
            }
        }
    }

    /** Characters other than whitespace runs (a run counts as one). */
    static int visibleChars(String text) {
        int chars = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    chars++;
                    space = true;
                }
            } else {
                chars++;
                space = false;
            }
        }
        return space && chars > 0 ? chars - 1 : chars;
    }

    Counts of(Element element) {
        Counts c = counts.get(element);
        return c != null ? c : new Counts();
    }

    /** The elements that hold text themselves, in no particular order. */
    Map<Element, Counts> blocks() {
        return blocks;
    }
}
