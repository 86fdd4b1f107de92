package org.stancewatch.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The elements a page marks as its main text: {@code itemprop=articleBody}, and class or id
 * names such as {@code article-body}, {@code article__content}, {@code story-text} or {@code
 * entry-content}. Weighing text against links finds most articles, but a page whose article
 * sits in an {@code <aside>}, under a share bar's name, or beside a long notice or link list
 * fools it; the page's own markup is then the better witness. Only elements with enough text
 * count, so that a teaser named {@code post-content} in a sidebar protects nothing.
 */
final class DeclaredBody {
    /** Fewer characters than this is a teaser or an empty template, not an article body. */
    private static final int MIN_CHARS = 200;
    /** Pairs of class-name words that name the article body ({@code article-body}, {@code storyText}). */
    private static final Set<String> PAIRS = Set.of(
            "article body", "article content", "article text", "article inner", "story body", "story text",
            "story content", "entry content", "entry body", "post content", "post body", "post text", "post entry",
            "news text", "news body", "text body", "body text", "content body", "artikel text", "artikel inhalt");
    /** The same names written as one word ({@code articlebody}, {@code storytext}). */
    private static final Set<String> WORDS = Set.of(
            "articlebody", "articlecontent", "articletext", "storybody", "storytext", "storycontent", "entrycontent",
            "postcontent", "postbody", "posttext", "newstext", "bodytext", "articleinner");

    /** Every name in {@link #PAIRS} and {@link #WORDS} holds one of these. */
    private static final List<String> STEMS = List.of("article", "story", "entry", "post", "text", "body", "artikel");

    private final List<Element> elements;
    private final Set<Element> kept;

    private DeclaredBody(List<Element> elements, Set<Element> kept) {
        this.elements = elements;
        this.kept = kept;
    }

    static DeclaredBody find(Element root) {
        List<Element> elements = new ArrayList<>();
        Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        root.traverse((node, depth) -> {
            if (node instanceof Element element && declares(element) && element.text().length() >= MIN_CHARS) {
                elements.add(element);
                for (Element e = element; e != null && kept.add(e); e = e.parent()) {
                    // the body and every element around it stay, whatever their tags and names say
                }
            }
        });
        return new DeclaredBody(elements, kept);
    }

    private static boolean declares(Element element) {
        if (element.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return true;
        }
        if (!mayDeclare(element.className()) && !mayDeclare(element.id())) {
            return false; // most elements: no need to split their names into words
        }
        List<String> words = ClassNames.words(element);
        for (int i = 0; i < words.size(); i++) {
            if (WORDS.contains(words.get(i)) || i > 0 && PAIRS.contains(words.get(i - 1) + " " + words.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayDeclare(String names) {
        if (names.isEmpty()) {
            return false;
        }
        String lower = names.toLowerCase(Locale.ROOT);
        for (String stem : STEMS) {
            if (lower.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /** The declared bodies, outermost first. */
    List<Element> elements() {
        return elements;
    }

    /** True for a declared body and for the elements around one: pruning must not take them. */
    boolean keeps(Element element) {
        return kept.contains(element);
    }
}
