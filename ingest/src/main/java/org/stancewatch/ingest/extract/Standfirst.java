package org.stancewatch.ingest.extract;

import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * The standfirst (lede, teaser, deck) that sits just above the main text: many sites set it
 * apart from the body, between the headline and the byline, so that the container of the body
 * leaves it out. It is the nearest block of prose above the body, past at most a few short
 * blocks (a byline, a date, a picture's place), looked for among the siblings of the body and
 * of the elements around it, a few levels up.
 */
final class Standfirst {
    private static final int LEVELS = 3;
    /** Short blocks (byline, date, share prompt) passed over on the way up to the standfirst. */
    private static final int SKIPPED = 2;
    private static final int SHORT_BLOCK = 100;
    /** A standfirst is a paragraph or two, not a section of the page. */
    private static final int MAX_CHARS = 800;

    private Standfirst() {}

    static Optional<Element> above(Element main, TextStats stats) {
        Element from = main;
        for (int level = 0; level < LEVELS && from.parent() != null; level++) {
            int skipped = 0;
            for (Element sibling = from.previousElementSibling(); sibling != null; sibling = sibling.previousElementSibling()) {
                TextStats.Counts counts = stats.of(sibling);
                if (counts.chars == 0) {
                    continue;
                }
                String text = counts.chars <= MAX_CHARS ? sibling.text() : "";
                if (Prose.isProse(text, counts.linkDensity())) {
                    return Optional.of(sibling);
                }
                if (counts.chars >= SHORT_BLOCK || ++skipped > SKIPPED) {
                    return Optional.empty();
                }
            }
            from = from.parent();
        }
        return Optional.empty();
    }
}
