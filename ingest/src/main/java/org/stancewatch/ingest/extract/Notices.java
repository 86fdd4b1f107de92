package org.stancewatch.ingest.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the notices a site puts around its articles, by their vocabulary: privacy and
 * cookie notices, consent dialogs, "Do not sell my personal information", legal lines, and the
 * prompts to subscribe, sign up for a newsletter, log in or download the app. They are often
 * long runs of plain sentences, which is why weighing text against links alone takes them for an
 * article.
 */
final class Notices {
    private static final Pattern TERMS = Pattern.compile("(?iu)\\b(cookies?|privacy|privatsphäre|datenschutz\\p{L}*"
            + "|personal (information|data)|do not sell|opt[- ]out|consent|einwilligung|einverstanden|newsletter"
            + "|subscri(be|ber|bers|ption|ptions)|suscr\\p{L}+|abonn\\p{L}+|\\babo\\b|sign up|log in|einloggen|anmelden"
            + "|all rights reserved|alle rechte vorbehalten|copyright|terms of (use|service)|nutzungsbedingungen"
            + "|disclaimer|haftungsausschluss|advertis\\p{L}+|affiliate|werbung|paywall|download (the|our) app"
            + "|app store|google play|follow (us|the)|folgen sie|whatsapp|telegram|twitter|facebook|instagram"
            + "|unterstütze\\p{L}*|support (our|us)|donat\\p{L}+|spende\\p{L}*)\\b");

    private Notices() {}

    /** How many notice terms the text holds. */
    static int terms(CharSequence text) {
        Matcher m = TERMS.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** True for text in which notice terms are this dense: {@code perHundredWords} of them in every hundred words or more. */
    static boolean isNotice(String text, double perHundredWords) {
        int words = ArticleExtractor.wordCount(text);
        return words > 0 && 100.0 * terms(text) / words >= perHundredWords;
    }
}
