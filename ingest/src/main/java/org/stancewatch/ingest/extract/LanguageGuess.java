package org.stancewatch.ingest.extract;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The language of an article, from its text (n-gram profiles of 70 languages, optimaize
 * language-detector) where the text is long enough to tell, else from what the page declares.
 * Only English is scored downstream; other languages are published with their code so that
 * they can be counted and skipped.
 */
public final class LanguageGuess {
    /** ISO 639-2 "undetermined": neither the text nor the page said. */
    public static final String UNDETERMINED = "und";
    /** Enough text to tell languages apart; more costs time and changes nothing. */
    private static final int SAMPLE_CHARS = 600;
    private static final int MIN_TEXT_CHARS = 100;
    private static final double CONFIDENT = 0.85;

    private LanguageGuess() {}

    private static final class Detector {
        // Loading the profiles takes a moment: done once, on first use.
        static final LanguageDetector INSTANCE = build();
        static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingOnLargeText();

        private static LanguageDetector build() {
            try {
                return LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .seed(42L) // the same answer for the same text
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the language profiles", e);
            }
        }
    }

    /** The ISO 639-1 code of the text's language, the declared one if the text cannot tell, or {@code und}. */
    public static String of(String text, String declared) {
        if (text.length() >= MIN_TEXT_CHARS) {
            String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
            List<DetectedLanguage> guesses = Detector.INSTANCE.getProbabilities(Detector.TEXT.forText(sample));
            if (!guesses.isEmpty()) {
                DetectedLanguage best = guesses.get(0);
                String code = best.getLocale().getLanguage();
                if (best.getProbability() >= CONFIDENT || declared == null || code.equals(declared)) {
                    return code;
                }
            }
        }
        return declared != null ? declared : UNDETERMINED;
    }
}
