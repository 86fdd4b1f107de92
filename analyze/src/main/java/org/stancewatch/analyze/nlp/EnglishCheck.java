package org.stancewatch.analyze.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a sentence of an article marked English is in fact in another language (a quote
 * left untranslated, a foreign-language box): the model was trained on English and would score
 * such a sentence at random. A sentence is foreign when it has almost no English function words
 * and either several function words of German, French, Spanish, Italian, Dutch or Polish, or
 * mostly letters outside the Latin alphabet. Short sentences and headlines are never foreign.
 */
public final class EnglishCheck {

    private static final Set<String> ENGLISH = Set.of(
            "the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from", "is", "are",
            "was", "were", "be", "been", "has", "have", "had", "that", "this", "it", "its", "as", "not", "but", "he",
            "she", "they", "we", "his", "her", "their", "will", "would", "said", "which", "who", "than", "after");

    private static final Set<String> FOREIGN = Set.of(
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "des", "ein", "eine", "auf", "sich",
            "le", "la", "les", "et", "est", "une", "du", "pour", "que", "qui", "dans", "sur", "pas",
            "el", "los", "las", "y", "es", "del", "por", "con", "una", "para", "il", "di", "che", "della", "non",
            "het", "een", "van", "zijn", "niet", "się", "nie", "jest", "oraz");

    private static final int MIN_WORDS = 5;

    private EnglishCheck() {
    }

    /** True when the words look like another language than English. */
    public static boolean isForeign(List<String> words) {
        int letters = 0;
        int nonLatin = 0;
        int wordCount = 0;
        int english = 0;
        int foreign = 0;
        for (String word : words) {
            if (word.isEmpty() || !Character.isLetter(word.codePointAt(0))) {
                continue;
            }
            wordCount++;
            String lower = word.toLowerCase(Locale.ROOT);
            if (ENGLISH.contains(lower)) {
                english++;
            }
            if (FOREIGN.contains(lower)) {
                foreign++;
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                        nonLatin++;
                    }
                }
            }
        }
        if (wordCount < MIN_WORDS) {
            return false;
        }
        boolean fewEnglish = english < 0.1 * wordCount;
        return fewEnglish && (foreign >= 2 || nonLatin > letters / 2);
    }
}
