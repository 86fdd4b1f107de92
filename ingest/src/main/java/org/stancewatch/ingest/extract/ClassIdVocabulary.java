package org.stancewatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class} and {@code id} say about it. They are split into words
 * ({@code article-comments}, {@code shareBar} and {@code related_links} give {@code article},
 * {@code comments}, {@code share}, {@code bar}, {@code related}, {@code links}), and the words
 * are matched whole, so that {@code commentary} is not a comment section and {@code shadow} is
 * not an ad.
 */
final class ClassIdVocabulary {
    /** Boilerplate whatever else the names say: comments, share bars, appeals, banners, link lists. */
    private static final Set<String> ALWAYS_BOILERPLATE = Set.of(
            "comment", "comments", "kommentare", "disqus", "respond", "replies", "share", "sharing", "sharebar",
            "shares", "social", "socials", "sociallinks", "newsletter", "newsletters", "cookie", "cookies", "consent",
            "gdpr", "outbrain", "taboola", "related", "recommended", "recommendations", "recirculation", "promo",
            "promotion", "advert", "adverts", "advertisement", "advertising", "ads", "adsense", "sponsor",
            "sponsored", "donate", "donation", "donations", "breadcrumb", "breadcrumbs", "shoutbox", "tagcloud",
            "authorbio", "mostread", "teaserlist");
    /** Usually boilerplate, unless the names also say content ({@code article-footer} stays out, {@code post-meta} too). */
    private static final Set<String> LIKELY_BOILERPLATE = Set.of(
            "nav", "navbar", "navigation", "menu", "submenu", "footer", "header", "masthead", "banner",
            "toolbar", "widget", "widgets", "tags", "tag", "pagination", "pager", "print", "rating", "poll",
            "survey", "caption", "credit", "credits", "copyright", "meta", "byline", "dateline", "skip", "ad",
            "extra", "aside", "infobox", "more", "community", "legal", "noprint", "nocontent", "sidebar",
            "skyscraper", "teaser", "slider", "carousel", "gallery", "topics", "keywords", "category",
            "categories", "subscribe", "subscription", "signup", "popup", "modal", "trending", "popular",
            "login", "follow", "bio");
    /** Words that mark the main text. */
    private static final Set<String> CONTENT = Set.of(
            "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text", "blog",
            "prose", "richtext", "artikel", "inhalt", "contenido", "contenu", "storybody", "postbody");

    /** Elementor, a common WordPress page builder, calls every block a widget ({@code elementor-widget-container}). */
    private static final String PAGE_BUILDER_BLOCK = "elementor-widget";

    private ClassIdVocabulary() {}

    /** The element's class and id split into lower-case words. */
    static List<String> words(Element element) {
        String classes = element.className();
        String id = element.id();
        List<String> words = new ArrayList<>();
        if (classes.isEmpty() && id.isEmpty()) {
            return words;
        }
        split(classes, words);
        split(id, words);
        return words;
    }

    private static void split(String attribute, List<String> words) {
        int start = 0;
        int length = attribute.length();
        while (start < length) {
            while (start < length && Character.isWhitespace(attribute.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < length && !Character.isWhitespace(attribute.charAt(end))) {
                end++;
            }
            if (end > start) {
                addNameWords(attribute.substring(start, end), words);
            }
            start = end;
        }
    }

    private static void addNameWords(String name, List<String> words) {
        // BEM modifiers ("TestReport__Section--Ads") and state classes ("has-comments",
        // "is-sticky") describe a variant of the element, not what it is.
        if (name.startsWith("is-") || name.startsWith("has-") || isGenerated(name)) {
            return;
        }
        int modifier = name.indexOf("--");
        String base = modifier > 0 ? name.substring(0, modifier) : name;
        if (base.startsWith(PAGE_BUILDER_BLOCK)) {
            base = base.substring(PAGE_BUILDER_BLOCK.length());
        }
        splitWords(base, words);
    }

    /**
     * True for a class a CSS-in-JS library made up ({@code tagStyle_z4kqwb}, {@code sc-eEfYrc}):
     * it names a style, and its words ("tag") would be read as a role.
     */
    private static boolean isGenerated(String name) {
        int letters = 0;
        int digits = 0;
        for (int i = name.length() - 1; i >= 0; i--) {
            char c = name.charAt(i);
            if (c == '_' || c == '-') {
                break;
            }
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters + digits >= 5 && letters >= 2 && digits >= 1;
    }

    private static void splitWords(String names, List<String> words) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < names.length(); i++) {
            char c = names.charAt(i);
            boolean boundary = !Character.isLetterOrDigit(c)
                    || (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(names.charAt(i - 1)));
            if (boundary && !word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
    }

    /** True when the names say the element is boilerplate. */
    static boolean isBoilerplate(List<String> words) {
        boolean likely = false;
        boolean content = false;
        for (String word : words) {
            if (ALWAYS_BOILERPLATE.contains(word)) {
                return true;
            }
            likely |= LIKELY_BOILERPLATE.contains(word);
            content |= CONTENT.contains(word);
        }
        return likely && !content;
    }

    /** A readability-style weight: +25 for content words, -25 for boilerplate words. */
    static int weight(List<String> words) {
        int weight = 0;
        boolean positive = false;
        boolean negative = false;
        for (String word : words) {
            positive |= CONTENT.contains(word);
            negative |= ALWAYS_BOILERPLATE.contains(word) || LIKELY_BOILERPLATE.contains(word);
        }
        if (positive) {
            weight += 25;
        }
        if (negative) {
            weight -= 25;
        }
        return weight;
    }
}
