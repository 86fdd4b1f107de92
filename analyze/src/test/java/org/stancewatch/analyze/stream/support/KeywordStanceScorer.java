package org.stancewatch.analyze.stream.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stancewatch.analyze.stance.StanceScorer;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.Polarity;

/**
 * A fake of our own {@link StanceScorer} for tests and the topology benchmark: finds actors by a
 * few aliases, scores each sentence by counting hostile and friendly words, and takes the actor
 * that opens a sentence with a speech verb as the holder of the stance toward the others.
 * Deterministic, fast, and predictable enough to write expectations against.
 *
 * <p>Markers in the text script failures: {@code [[fail]]} throws, {@code [[hang]]} blocks for
 * ten seconds (or until interrupted), {@code [[slow:N]]} sleeps N ms.
 */
public final class KeywordStanceScorer implements StanceScorer {
    private static final Map<String, String> ACTORS = new LinkedHashMap<>();
    private static final Map<String, String> TOPICS = new LinkedHashMap<>();

    static {
        ACTORS.put("the kremlin", "russia");
        ACTORS.put("kremlin", "russia");
        ACTORS.put("russia", "russia");
        ACTORS.put("moscow", "russia");
        ACTORS.put("nato", "nato");
        ACTORS.put("the united states", "us");
        ACTORS.put("washington", "us");
        ACTORS.put("obama", "obama");
        ACTORS.put("medvedev", "medvedev");
        ACTORS.put("putin", "putin");
        ACTORS.put("tehran", "iran");
        ACTORS.put("the european union", "eu");
        ACTORS.put("brussels", "eu");
        TOPICS.put("missile defense", "missile-defense");
        TOPICS.put("missile shield", "missile-defense");
        TOPICS.put("new start", "arms-control");
        TOPICS.put("arms control", "arms-control");
        TOPICS.put("nuclear", "iran");
        TOPICS.put("afghanistan", "afghanistan");
        TOPICS.put("libya", "libya");
        TOPICS.put("syria", "syria");
        TOPICS.put("reset", "reset");
    }

    private static final Pattern NEGATIVE = Pattern.compile(
            "\\b(condemn\\w*|accus\\w*|threat\\w*|hostile|warn\\w*|reject\\w*|attack\\w*|criticiz\\w*|blam\\w*"
                    + "|aggress\\w*|tension\\w*|sanction\\w*|crisis|provocat\\w*|deplor\\w*|hypocri\\w*)\\b");
    private static final Pattern POSITIVE = Pattern.compile(
            "\\b(welcom\\w*|prais\\w*|cooperat\\w*|agree\\w*|partner\\w*|support\\w*|progress|friend\\w*"
                    + "|success\\w*|improv\\w*|trust\\w*|constructive|breakthrough)\\b");
    private static final Pattern SPEECH = Pattern.compile(
            "^\\s*(?:the\\s+)?(\\w+(?:\\s\\w+)?)\\s+(said|says|condemned|accused|praised|welcomed|warned|criticized"
                    + "|rejected|insisted|called)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLOW = Pattern.compile("\\[\\[slow:(\\d+)]]");

    private final Duration delay;

    public KeywordStanceScorer() {
        this(Duration.ZERO);
    }

    /** A scorer that also spends {@code delay} per article, standing in for a slower model. */
    public KeywordStanceScorer(Duration delay) {
        this.delay = delay;
    }

    @Override
    public List<Mention> score(Article article) {
        String text = article.text();
        if (text.contains("[[fail]]")) {
            throw new IllegalStateException("the keyword scorer was told to fail");
        }
        if (text.contains("[[hang]]")) {
            sleep(10_000);
        }
        Matcher slow = SLOW.matcher(text);
        if (slow.find()) {
            sleep(Long.parseLong(slow.group(1)));
        }
        if (!delay.isZero()) {
            sleep(delay.toMillis());
        }
        if (!article.language().equals("en")) {
            return List.of();
        }
        List<Mention> mentions = new ArrayList<>();
        String[] sentences = text.split("(?<=[.!?])\\s+");
        for (int index = 0; index < sentences.length; index++) {
            mentions.addAll(scoreSentence(article, index, sentences[index]));
        }
        return mentions;
    }

    private List<Mention> scoreSentence(Article article, int index, String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        Map<String, String> found = new LinkedHashMap<>(); // actor -> surface
        for (Map.Entry<String, String> alias : ACTORS.entrySet()) {
            int at = indexOfWord(lower, alias.getKey());
            if (at >= 0 && !found.containsKey(alias.getValue())) {
                found.put(alias.getValue(), sentence.substring(at, at + alias.getKey().length()));
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> topics = new LinkedHashSet<>();
        TOPICS.forEach((phrase, topic) -> {
            if (indexOfWord(lower, phrase) >= 0) {
                topics.add(topic);
            }
        });
        int negative = count(NEGATIVE, lower);
        int positive = count(POSITIVE, lower);
        double score = Math.max(-1, Math.min(1, 0.4 * (positive - negative)));
        Polarity polarity = score > 0.1 ? Polarity.POSITIVE : score < -0.1 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        double confidence = Math.min(1, 0.5 + 0.1 * (positive + negative));
        String holder = holderOf(sentence);
        List<Mention> mentions = new ArrayList<>();
        for (Map.Entry<String, String> actor : found.entrySet()) {
            String mentionHolder = holder == null || holder.equals(actor.getKey()) ? Mention.OUTLET_VOICE : holder;
            mentions.add(new Mention(Mention.idFor(article.id(), index, actor.getKey()), article.id(), article.revision(),
                    article.url(), article.outlet(), article.publishedAt(), article.dateSource(), actor.getKey(),
                    actor.getValue(), List.copyOf(topics), index, sentence, score, polarity, confidence, mentionHolder,
                    sentence.contains("\""), article.copyOf(), version()));
        }
        return mentions;
    }

    private static String holderOf(String sentence) {
        Matcher speech = SPEECH.matcher(sentence);
        if (!speech.find()) {
            return null;
        }
        String subject = speech.group(1).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> alias : ACTORS.entrySet()) {
            if (subject.equals(alias.getKey()) || subject.endsWith(" " + alias.getKey())
                    || alias.getKey().equals("the " + subject)) {
                return alias.getValue();
            }
        }
        return null;
    }

    private static final Map<String, Pattern> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static int indexOfWord(String text, String phrase) {
        Pattern word = WORDS.computeIfAbsent(phrase, p -> Pattern.compile("\\b" + Pattern.quote(p) + "\\b"));
        Matcher matcher = word.matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String version() {
        return "keyword-fake/1";
    }
}
