package org.stancewatch.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The elements a page marks as its main text: {@code itemprop=articleBody}, and class or id
 * names such as {@code article-body}, {@code article__content}, {@code story-text} or {@code
 * entry-content}. Weighing text against links finds most articles, but a page whose article
 * sits in an {@code <aside>}, under a share bar's name, or beside a long notice or link list
 * fools it; the page's own markup is then the better witness. Only elements with enough text
 * count, so that a teaser named {@code post-content} in a sidebar protects nothing.
 *
 * <p>The walk that finds them also counts the page's text and that of its {@code <article>} and
 * {@code <main>} elements, which pruning weighs names against: one walk instead of three.
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

    private final List<Element> elements = new ArrayList<>();
    private final Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Element, Integer> sectionChars = new IdentityHashMap<>();
    private int textChars;

    private DeclaredBody() {}

    static DeclaredBody find(Element root) {
        DeclaredBody found = new DeclaredBody();
        root.traverse(found.new Walker());
        return found;
    }

    /** Counts visible characters, and at each candidate's end how many lay inside it. */
    private final class Walker implements NodeVisitor {
        private final Map<Element, Integer> charsAtStart = new IdentityHashMap<>();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                textChars += TextStats.visibleChars(text.getWholeText());
            } else if (node instanceof Element element) {
                boolean declares = declares(element);
                if (declares || isSection(element)) {
                    // the count so far, and in the lowest bit whether the element declares a body
                    charsAtStart.put(element, 2 * textChars + (declares ? 1 : 0));
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            Integer start = charsAtStart.remove(element);
            if (start == null) {
                return;
            }
            int chars = textChars - start / 2;
            if (isSection(element)) {
                sectionChars.put(element, chars);
            }
            if (chars >= MIN_CHARS && start % 2 == 1) {
                elements.add(element);
                keepWithAncestors(element);
            } else if (chars >= MIN_CHARS && element.normalName().equals("main")) {
                // the page's main element is not a menu, whatever the layout names around it say
                keepWithAncestors(element.parent());
            }
        }
    }

    private void keepWithAncestors(Element element) {
        for (Element e = element; e != null && kept.add(e); e = e.parent()) {
            // the body and every element around it stay, whatever their tags and names say
        }
    }

    /** An {@code <article>} or {@code <main>}: within one, names are weighed against its text, not the page's. */
    static boolean isSection(Element element) {
        String tag = element.normalName();
        return tag.equals("article") || tag.equals("main");
    }

    /** Visible characters of text on the page. */
    int textChars() {
        return textChars;
    }

    /** Visible characters of text in an {@code <article>} or {@code <main>} element; 0 for other elements. */
    int sectionChars(Element element) {
        return sectionChars.getOrDefault(element, 0);
    }

    private static boolean declares(Element element) {
        if (element.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return true;
        }
        if (!mayDeclare(element.className()) && !mayDeclare(element.id())) {
            return false; // most elements: no need to split their names into words
        }
        List<String> words = ClassIdVocabulary.words(element);
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

    /** The declared bodies, inner ones before the elements around them. */
    List<Element> elements() {
        return elements;
    }

    /** True for a declared body and for the elements around one: pruning must not take them. */
    boolean keeps(Element element) {
        return kept.contains(element);
    }
}
