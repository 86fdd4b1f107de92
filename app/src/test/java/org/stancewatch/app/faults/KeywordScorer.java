package org.stancewatch.app.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.Polarity;

/**
 * A fast, deterministic stand-in for CoreNLP in the fault tests: a mention per actor named in a
 * sentence, scored by friendly minus hostile words. The fault tests check that nothing is lost
 * or counted twice, not how good the scores are, so any fixed function of the text will do.
 * (The analyze module's richer keyword fake sits in its test sources, out of this module's reach.)
 */
final class KeywordScorer implements StanceScorer {
    private static final Map<String, Pattern> ACTORS = Map.of(
            "russia", Pattern.compile("\\b(russia|moscow|kremlin)\\b"),
            "nato", Pattern.compile("\\bnato\\b"),
            "us", Pattern.compile("\\b(washington|the united states)\\b"),
            "eu", Pattern.compile("\\b(brussels|the european union)\\b"));
    private static final Pattern HOSTILE = Pattern.compile(
            "\\b(condemn|accus|threat|warn|reject|attack|criticiz|blam|tension|sanction|crisis)\\w*");
    private static final Pattern FRIENDLY = Pattern.compile(
            "\\b(welcom|prais|cooperat|agree|partner|support|progress|success|improv|trust)\\w*");

    @Override
    public List<Mention> score(Article article) {
        List<Mention> mentions = new ArrayList<>();
        String[] sentences = article.text().split("(?<=[.!?])\\s+");
        for (int index = 0; index < sentences.length; index++) {
            String sentence = sentences[index];
            String lower = sentence.toLowerCase(Locale.ROOT);
            double score = Math.max(-1, Math.min(1, 0.25 * (count(FRIENDLY, lower) - count(HOSTILE, lower))));
            Polarity polarity = score > 0 ? Polarity.POSITIVE : score < 0 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
            for (var actor : ACTORS.entrySet()) {
                Matcher named = actor.getValue().matcher(lower);
                if (named.find()) {
                    mentions.add(new Mention(Mention.idFor(article.id(), index, actor.getKey()), article.id(),
                            article.revision(), article.url(), article.outlet(), article.publishedAt(),
                            article.dateSource(), actor.getKey(), sentence.substring(named.start(), named.end()),
                            List.of(), index, sentence, score, polarity, 0.8, Mention.OUTLET_VOICE, false,
                            article.copyOf(), version()));
                }
            }
        }
        return mentions;
    }

    private static int count(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }

    @Override
    public String version() {
        return "fault-test-keywords/1";
    }
}
