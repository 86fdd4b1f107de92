package org.stancewatch.analyze.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stancewatch.analyze.lexicon.PhraseTokenizer;

class EnglishCheckTest {

    private static boolean foreign(String sentence) {
        return EnglishCheck.isForeign(PhraseTokenizer.tokens(sentence));
    }

    @Test
    void englishIsNotForeign() {
        assertThat(foreign("Russia said on Monday that the missile shield was a threat to its security.")).isFalse();
    }

    @Test
    void germanFrenchAndRussianAreForeign() {
        assertThat(foreign("Die Regierung in Moskau hat die Pläne der NATO scharf kritisiert und abgelehnt.")).isTrue();
        assertThat(foreign("Le Kremlin a rejeté les propositions de l'OTAN sur la défense antimissile.")).isTrue();
        assertThat(foreign("Кремль отверг предложения НАТО по противоракетной обороне.")).isTrue();
    }

    @Test
    void shortHeadlinesAreNeverForeign() {
        assertThat(foreign("Russia Slams NATO Shield")).isFalse();
    }
}
