package org.stancewatch.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Finds the element that holds the main text.
 *
 * <p>Every block of text has a value: its characters outside links, weighted up to full for
 * sentence-length blocks, less its link characters times a penalty (heavy for blocks that are
 * mostly links, light for links inside text). An element's value is the sum over the blocks
 * under it; elements whose class or id names boilerplate count their text against them, and
 * nothing inside them can be the main text, unless they are the page's frame (most of its text). The main text is the <em>smallest</em> element whose value
 * is at least {@link #ENOUGH} of the best value on the page: moving up to a larger container
 * must add real text, not just a footer paragraph among link lists.
 *
 * <p>Two things overrule the scores: a body the page declares ({@link DeclaredBody}) is taken
 * whole when the best-scored element lies inside it, and in place of it when it lies apart and
 * is worth half as much; and a notice ({@link Notices}: privacy, consent, subscription) is never
 * the main text, alone or as a large part of it.
 */
final class MainContent {
    /** A character inside a link costs this many characters of text. */
    private static final double LINK_PENALTY = 1.5;
    /** What a link costs inside a block that is mostly text. */
    private static final double INLINE_LINK_PENALTY = 1.5;
    /** Blocks this long or longer count fully; shorter ones in proportion (a menu label counts little). */
    private static final double FULL_BLOCK_CHARS = 80;
    private static final double ENOUGH = 0.95;
    /** Notice words this dense (per hundred words) mark a privacy, cookie or subscription notice; an article has one or two. */
    private static final double NOTICE_TERMS_PER_100_WORDS = 10;
    private static final int NOTICE_SAMPLE_CHARS = 1500;
    /** Notices are looked for in the chosen element and in its children and grandchildren that hold this share of its text. */
    private static final double NOTICE_SHARE = 0.25;
    private static final int NOTICE_DEPTH = 1;

    /** A declared body beside the scored element wins when it is worth at least this share of the best value. */
    private static final double DECLARED_SHARE = 0.5;

    /**
     * A boilerplate-named element holding more than this share of the page's text, and {@link
     * #FRAME_PARENT_SHARE} of its parent's, is the page's frame (a theme names its article
     * column after a toggle or the sidebar beside it), not boilerplate.
     */
    private static final double FRAME_SHARE = 0.25;
    private static final double FRAME_PARENT_SHARE = 0.9;

    private final TextStats stats;
    private final DeclaredBody declared;
    /** Characters above which a boilerplate-named element may be the page's frame. */
    private final double frameChars;
    private final Map<Element, Double> values = new IdentityHashMap<>();

    private MainContent(Element root, TextStats stats, DeclaredBody declared) {
        this.stats = stats;
        this.declared = declared;
        this.frameChars = FRAME_SHARE * stats.of(root).chars;
    }

    /** The value of every element under {@code root} (for diagnostics). */
    static Map<Element, Double> values(Element root, TextStats stats, DeclaredBody declared) {
        MainContent main = new MainContent(root, stats, declared);
        main.value(root, false);
        return main.values;
    }

    /** The element of the main text under {@code root} ({@code root} itself if nothing better). */
    static Element find(Element root, TextStats stats, DeclaredBody declared) {
        MainContent main = new MainContent(root, stats, declared);
        main.value(root, false);
        double best = 0;
        for (double value : main.values.values()) {
            best = Math.max(best, value);
        }
        Element scored = best <= 0 ? root : main.smallestWith(root, ENOUGH * best, null);
        // The body the page declares is its article, not a notice: only undeclared text is checked.
        Element notice = declared.keeps(scored) ? null : main.noticeIn(scored, NOTICE_DEPTH);
        if (notice != null && notice != root) {
            // A privacy or consent notice can outweigh a short article, alone or with it; the
            // article is the best of what lies outside the notice.
            Element rest = main.smallestWith(root, ENOUGH * main.bestOutside(notice), notice);
            if (rest != null) {
                scored = rest;
            }
        }
        Element body = main.bestDeclared();
        if (body == null) {
            return scored;
        }
        double bodyValue = main.values.get(body);
        if (isInside(scored, body)) {
            return body; // the whole body the page declares, not the part of it that scored best
        }
        if (isInside(body, scored)) {
            return scored; // the scored element adds text around the body: a standfirst, a second body
        }
        return bodyValue >= DECLARED_SHARE * best ? body : scored;
    }

    /**
     * The innermost notice among the element's large descendants ({@code depth} levels down), else
     * the element itself if it is one; or null. Innermost, so that the article beside the notice
     * stays a candidate.
     */
    private Element noticeIn(Element element, int depth) {
        if (depth > 0) {
            int chars = stats.of(element).chars;
            for (Element child : element.children()) {
                if (stats.of(child).chars >= NOTICE_SHARE * chars) {
                    Element notice = noticeIn(child, depth - 1);
                    if (notice != null) {
                        return notice;
                    }
                }
            }
        }
        return isNotice(element) ? element : null;
    }

    /** Notices are told by their words; a sample of the text is enough to tell. */
    private static boolean isNotice(Element element) {
        return Notices.isNotice(sample(element), NOTICE_TERMS_PER_100_WORDS);
    }

    /** The first {@link #NOTICE_SAMPLE_CHARS} or so of the element's text, without building all of it. */
    private static String sample(Element element) {
        StringBuilder sample = new StringBuilder();
        element.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    sample.append(text.getWholeText()).append(' ');
                }
                return sample.length() >= NOTICE_SAMPLE_CHARS ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        });
        return sample.toString();
    }

    /** The best value among elements that neither hold nor lie inside {@code excluded}. */
    private double bestOutside(Element excluded) {
        double best = 0;
        for (var entry : values.entrySet()) {
            if (entry.getValue() > best && !overlaps(entry.getKey(), excluded)) {
                best = entry.getValue();
            }
        }
        return best;
    }

    private static boolean overlaps(Element a, Element b) {
        return isInside(a, b) || isInside(b, a);
    }

    private static boolean isInside(Element inner, Element outer) {
        for (Element e = inner; e != null; e = e.parent()) {
            if (e == outer) {
                return true;
            }
        }
        return false;
    }

    /** The declared body of highest value, or null where there is none with text left after pruning. */
    private Element bestDeclared() {
        Element best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Element element : declared.elements()) {
            Double value = values.get(element);
            if (value != null && value > bestValue) {
                best = element;
                bestValue = value;
            }
        }
        return best;
    }

    /** The smallest element worth {@code enough}, apart from those overlapping {@code excluded}; null if none. */
    private Element smallestWith(Element root, double enough, Element excluded) {
        if (enough <= 0) {
            return excluded == null ? root : null;
        }
        Element chosen = excluded == null ? root : null;
        int chosenChars = Integer.MAX_VALUE;
        for (var entry : values.entrySet()) {
            if (entry.getValue() >= enough && (excluded == null || !overlaps(entry.getKey(), excluded))) {
                int chars = stats.of(entry.getKey()).chars;
                if (chars < chosenChars) {
                    chosen = entry.getKey();
                    chosenChars = chars;
                }
            }
        }
        return chosen;
    }

    /** The element's value; only elements outside boilerplate-named ones are candidates. */
    private double value(Element element, boolean insideBoilerplate) {
        TextStats.Counts counts = stats.of(element);
        if (counts.chars == 0) {
            return 0;
        }
        boolean boilerplate = !declared.keeps(element) && !isFrame(element, counts)
                && ClassIdVocabulary.isBoilerplate(ClassIdVocabulary.words(element));
        double value = ownValue(counts);
        for (Element child : element.children()) {
            value += value(child, boilerplate || insideBoilerplate);
        }
        if (boilerplate) {
            return -Math.abs(value);
        }
        if (!insideBoilerplate) {
            values.put(element, value);
        }
        return value;
    }

    /** True for an element that holds most of the page's text and nearly all of its parent's. */
    private boolean isFrame(Element element, TextStats.Counts counts) {
        Element parent = element.parent();
        return counts.chars > frameChars && parent != null && counts.chars >= FRAME_PARENT_SHARE * stats.of(parent).chars;
    }

    private static double ownValue(TextStats.Counts counts) {
        if (counts.ownChars == 0) {
            return 0;
        }
        int text = counts.ownChars - counts.ownLinkChars;
        double weight = Math.min(1.0, counts.ownChars / FULL_BLOCK_CHARS);
        // Links inside a paragraph of text (sources, show notes) cost little; a block of links is a menu.
        double penalty = counts.ownLinkDensity() >= 0.5 ? LINK_PENALTY : INLINE_LINK_PENALTY;
        return text * weight - penalty * counts.ownLinkChars;
    }
}
