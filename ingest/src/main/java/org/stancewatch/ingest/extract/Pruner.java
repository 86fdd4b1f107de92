package org.stancewatch.ingest.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * Removes what is never main text before the text is scored: scripts and styles, forms'
 * controls, media and captions, navigation, page headers and footers, hidden elements, and
 * elements whose class or id names boilerplate ({@link ClassIdVocabulary}). An element that holds
 * a large share of the text is kept whatever its names or its role say, since some sites name their
 * article container after the share bar or the modal it also holds; so is a {@code <noscript>}
 * holding one, the article of a page that renders it by script.
 */
final class Pruner implements NodeFilter {
    private static final Set<String> NEVER_TEXT = Set.of(
            "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg", "math", "canvas",
            "object", "embed", "applet", "button", "input", "select", "option", "textarea", "label", "nav",
            "aside", "footer", "figure", "figcaption", "picture", "video", "audio", "map", "dialog", "menu",
            "source", "img", "link", "meta", "head", "fieldset", "legend", "datalist", "output", "progress");
    private static final Set<String> BOILERPLATE_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu",
            "menubar", "toolbar", "alert", "status", "tablist");
    /** Never removed for their names: the page's frame and the elements that declare the main text. */
    private static final Set<String> PROTECTED = Set.of("html", "body", "main", "article");

    /** A header paragraph this long is a standfirst, not a byline or a date. */
    private static final int LEAD_CHARS = 80;

    private static final double SCOPE_SHARE_KEPT = 0.5;

    private final Deque<Integer> scopes = new ArrayDeque<>();
    private final int pageChars;
    private final double shareKept;
    private final DeclaredBody declared;

    /**
     * @param pageChars characters of text under the element pruned
     * @param shareKept an element named as boilerplate is kept if it holds more than this share of them
     * @param declared  the main text the page marks as such: it and the elements around it stay
     */
    Pruner(int pageChars, double shareKept, DeclaredBody declared) {
        this.pageChars = pageChars;
        this.shareKept = shareKept;
        this.declared = declared;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof Comment) {
            return FilterResult.REMOVE;
        }
        if (!(node instanceof Element element)) {
            return FilterResult.CONTINUE;
        }
        if (declared.keeps(element)) {
            return isHidden(element) ? FilterResult.REMOVE : enter(element);
        }
        String tag = element.normalName();
        if (NEVER_TEXT.contains(tag)) {
            // a page that renders its article by script may hold the article itself in <noscript>
            return tag.equals("noscript") && holdsMostText(element) ? enter(element) : FilterResult.REMOVE;
        }
        if (tag.equals("header") && element.text().length() < 400 && !holdsLead(element)) {
            return FilterResult.REMOVE; // a page or article header: logo, menu, headline, byline
        }
        if (isHidden(element)) {
            return FilterResult.REMOVE;
        }
        String role = element.attr("role");
        if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role.toLowerCase(Locale.ROOT)) && !holdsMostText(element)) {
            return FilterResult.REMOVE;
        }
        if (!PROTECTED.contains(tag) && !element.attr("itemprop").equalsIgnoreCase("articleBody")
                && ClassIdVocabulary.isBoilerplate(ClassIdVocabulary.words(element)) && !holdsMostText(element)) {
            return FilterResult.REMOVE;
        }
        return enter(element);
    }

    /** Continues into the element, remembering the size of an article or main element entered. */
    private FilterResult enter(Element element) {
        if (DeclaredBody.isSection(element)) {
            scopes.push(declared.sectionChars(element));
        }
        return FilterResult.CONTINUE;
    }

    /** True for an article header that holds the standfirst: a paragraph of prose, not a menu or a byline. */
    private static boolean holdsLead(Element header) {
        for (Element p : header.getElementsByTag("p")) {
            if (p.text().length() >= LEAD_CHARS && p.getElementsByTag("a").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsMostText(Element element) {
        int chars = element.text().length();
        if (pageChars > 0 && chars > pageChars * shareKept) {
            return true;
        }
        // Inside an article, a container named after its share bar can hold most of the article and little of the page.
        Integer scope = scopes.peek();
        return scope != null && scope > 0 && chars > scope * SCOPE_SHARE_KEPT;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element && DeclaredBody.isSection(element)) {
            scopes.pop();
        }
        return FilterResult.CONTINUE;
    }


    private static boolean isHidden(Element element) {
        if (element.hasAttr("hidden") || "true".equalsIgnoreCase(element.attr("aria-hidden"))) {
            return true;
        }
        String style = element.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String compact = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }
}
