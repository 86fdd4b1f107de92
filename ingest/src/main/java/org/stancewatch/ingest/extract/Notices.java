package org.stancewatch.ingest.extract;

import java.util.List;
import java.util.Set;

/**
 * Recognises the notices a site puts around its articles, by their vocabulary: privacy and
 * cookie notices, consent dialogs, "Do not sell my personal information", legal lines, and the
 * prompts to subscribe, sign up for a newsletter, log in or download the app. They are often
 * long runs of plain sentences, which is why weighing text against links alone takes them for an
 * article. The text is read word by word against word lists (a regular expression over it cost
 * more than the rest of the extraction).
 */
final class Notices {
    private static final Set<String> WORDS = Set.of(
            "cookie", "cookies", "privacy", "privatsphäre", "consent", "einwilligung", "einverstanden", "newsletter",
            "newsletters", "subscribe", "subscriber", "subscribers", "subscription", "subscriptions", "abo", "einloggen",
            "anmelden", "copyright", "nutzungsbedingungen", "disclaimer", "haftungsausschluss", "affiliate", "provision", "werbung",
            "paywall", "whatsapp", "telegram", "twitter", "facebook", "instagram");
    /** Words that count with any ending ("datenschutzerklärung", "abonnieren", "advertising"). */
    private static final List<String> STEMS = List.of(
            "datenschutz", "abonn", "suscr", "advertis", "donat", "spende", "unterstütz");
    /** Two-word terms, written as "first second". */
    private static final Set<String> PAIRS = Set.of(
            "personal information", "personal data", "not sell", "opt out", "sign up", "log in", "rights reserved",
            "rechte vorbehalten", "of use", "of service", "the app", "our app", "app store", "google play",
            "follow us", "folgen sie", "support our", "support us");

    private Notices() {}

    /** How many notice terms the text holds. */
    static int terms(CharSequence text) {
        return count(text)[0];
    }

    /** True for text in which notice terms are this dense: {@code perHundredWords} of them in every hundred words or more. */
    static boolean isNotice(CharSequence text, double perHundredWords) {
        int[] counts = count(text);
        return counts[1] > 0 && 100.0 * counts[0] / counts[1] >= perHundredWords;
    }

    /** The notice terms and the words of the text. */
    private static int[] count(CharSequence text) {
        int terms = 0;
        int words = 0;
        String previous = "";
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
                continue;
            }
            if (word.isEmpty()) {
                continue;
            }
            String current = word.toString();
            words++;
            if (isTerm(current) || PAIRS.contains(previous + " " + current)) {
                terms++;
            }
            previous = current;
            word.setLength(0);
        }
        return new int[] {terms, words};
    }

    private static boolean isTerm(String word) {
        if (WORDS.contains(word)) {
            return true;
        }
        for (String stem : STEMS) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }
}
