package org.stancewatch.analyze.stance;

/**
 * How the scorer trades coverage for speed.
 *
 * @param maxParseTokens a sentence longer than this is not parsed whole: each of its mentions is
 *                       parsed in a window of this many tokens around it (counted as truncated)
 * @param maxTextChars   text beyond this many characters is not analysed (counted)
 * @param maxParseUnits  sentences (or windows of long ones) with actors read per article; the
 *                       rest are not scored (counted), which bounds the NLP work one article asks
 * @param rollUpPeople   a mention of a person also counts as a mention of the actor they spoke
 *                       for at the article's date (Lavrov in 2010: also {@code russia})
 */
public record ScorerSettings(int maxParseTokens, int maxTextChars, int maxParseUnits, boolean rollUpPeople) {

    /**
     * The defaults: parse sentences up to 80 tokens, read 100,000 characters and 300 sentences
     * with actors (a long feature has about 100), roll people up.
     */
    public static final ScorerSettings DEFAULT = new ScorerSettings(80, 100_000, 300, true);

    public ScorerSettings {
        if (maxParseTokens < 10 || maxTextChars < 1 || maxParseUnits < 1) {
            throw new IllegalArgumentException(
                    "maxParseTokens must be at least 10, maxTextChars and maxParseUnits at least 1");
        }
    }

    public ScorerSettings withMaxParseUnits(int value) {
        return new ScorerSettings(maxParseTokens, maxTextChars, value, rollUpPeople);
    }
}
