package org.stancewatch.analyze.stance;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.analyze.lexicon.ActorMatch;
import org.stancewatch.analyze.lexicon.ActorMatcher;
import org.stancewatch.analyze.lexicon.LexiconFiles;
import org.stancewatch.analyze.nlp.EnglishCheck;
import org.stancewatch.analyze.nlp.NlpPipeline;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.nlp.SentenceConverter;
import org.stancewatch.analyze.topic.TopicMatcher;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;
import org.stancewatch.model.lexicon.Actor;
import org.stancewatch.model.lexicon.ActorLexicon;
import org.stancewatch.model.lexicon.TopicLexicon;

/**
 * The stance scorer: CoreNLP's light pipeline on every sentence finds the actors of
 * {@code actors.yml}; only the sentences that name one are parsed and run through the sentiment
 * RNTN; a log-linear model trained on NewsMTSC scores the stance toward each mention from
 * target-dependent features; the holder and quotes come from the dependency tree; topics from
 * {@code topics.yml}. One instance (one pipeline) serves all threads.
 */
public final class CoreNlpStanceScorer implements StanceScorer {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpStanceScorer.class);

    private final NlpPipeline pipeline;
    private final ActorMatcher actorMatcher;
    private final TopicMatcher topicMatcher;
    private final Map<String, Actor> actors;
    private final StanceModel model;
    private final ScorerSettings settings;
    private final String version;
    private final ScorerCounters counters = new ScorerCounters();

    public CoreNlpStanceScorer(ActorLexicon actors, TopicLexicon topics, StanceModel model, ScorerSettings settings,
                               NlpPipeline pipeline) {
        this.pipeline = pipeline;
        this.actorMatcher = new ActorMatcher(actors);
        this.topicMatcher = new TopicMatcher(topics);
        this.actors = actors.byId();
        this.model = model;
        this.settings = settings;
        this.version = "corenlp-stance/" + model.id();
    }

    /** The shipped lexicons (see {@link LexiconFiles}) and the shipped model. */
    public static CoreNlpStanceScorer fromDefaults() {
        return fromFiles(null, null, null);
    }

    /** The given lexicon files and model file; a null path means the default. */
    public static CoreNlpStanceScorer fromFiles(Path actorsFile, Path topicsFile, Path modelFile) {
        LexiconFiles.Lexicons lexicons = LexiconFiles.load(actorsFile, topicsFile);
        LOG.info("{} actors from {}, {} topics from {}", lexicons.actors().actors().size(), lexicons.actorsSource(),
                lexicons.topics().topics().size(), lexicons.topicsSource());
        StanceModel model = modelFile == null ? StanceModel.loadDefault() : StanceModel.read(modelFile);
        return new CoreNlpStanceScorer(lexicons.actors(), lexicons.topics(), model, ScorerSettings.DEFAULT,
                NlpPipeline.forArticles());
    }

    @Override
    public List<Mention> score(Article article) {
        return analyze(article).mentions();
    }

    @Override
    public String version() {
        return version;
    }

    public ScorerCounters counters() {
        return counters;
    }

    /** The article's mentions, topics, and what was skipped. */
    public ArticleAnalysis analyze(Article article) {
        counters.articles.increment();
        String language = article.language().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.startsWith("en-") && !language.startsWith("en_")) {
            counters.articlesNotEnglish.increment();
            String reason = "article " + article.id() + " skipped: language '" + article.language()
                    + "' is not scored (the stance model reads English only)";
            LOG.debug(reason);
            return ArticleAnalysis.skipped(reason);
        }
        String text = article.text();
        if (text.isBlank()) {
            counters.articlesEmpty.increment();
            return ArticleAnalysis.skipped("article " + article.id() + " has no text");
        }
        List<String> notes = new ArrayList<>();
        if (text.length() > settings.maxTextChars()) {
            counters.textsTruncated.increment();
            notes.add("text cut at " + settings.maxTextChars() + " of " + text.length() + " characters");
            text = text.substring(0, settings.maxTextChars());
        }
        Annotation annotation = pipeline.annotateLight(text);
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        List<List<String>> words = new ArrayList<>();
        List<List<ActorMatch>> matches = new ArrayList<>();
        ActorMatcher.ArticleScope scope = actorMatcher.newArticle();
        for (int i = 0; i < sentences.size(); i++) {
            List<String> sentenceWords = sentences.get(i).get(CoreAnnotations.TokensAnnotation.class).stream()
                    .map(CoreLabel::word).toList();
            words.add(sentenceWords);
            counters.sentences.increment();
            if (EnglishCheck.isForeign(sentenceWords)) {
                counters.sentencesNotEnglish.increment();
                notes.add("sentence " + i + " skipped: it is not English");
                matches.add(List.of());
            } else {
                List<CoreLabel> tokens = sentences.get(i).get(CoreAnnotations.TokensAnnotation.class);
                matches.add(scope.find(sentenceWords).stream().filter(match -> !namesAPerson(match, tokens)).toList());
            }
        }
        int year = article.publishedAt().atZone(ZoneOffset.UTC).getYear();
        List<ParseUnit> units = parseUnits(sentences, matches, notes);
        pipeline.annotateDeep(units.stream().map(ParseUnit::sentence).toList());
        counters.sentencesParsed.add(units.size());

        Set<String> articleActors = new HashSet<>();
        for (List<ActorMatch> sentenceMatches : matches) {
            for (ActorMatch match : sentenceMatches) {
                articleActors.add(match.actor());
                articleActors.add(speaksAs(match.actor(), year));
            }
        }
        List<List<String>> sentenceTopics = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Set<String> inSentence = new HashSet<>();
            matches.get(i).forEach(match -> inSentence.add(match.actor()));
            sentenceTopics.add(List.copyOf(topicMatcher.topics(words.get(i), inSentence, articleActors)));
        }
        List<String> articleTopics = articleTopics(sentenceTopics);
        MentionBuilder builder = new MentionBuilder(article, version, sentenceTopics, articleTopics);
        List<Mention> mentions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParseUnit unit : units) {
            ParsedSentence parsed = SentenceConverter.convert(unit.sentence());
            List<ActorSpan> spans = new ArrayList<>();
            for (ActorMatch match : unit.inWindow()) {
                spans.add(new ActorSpan(match.from() - unit.offset(), match.to() - unit.offset(), match.actor(),
                        speaksAs(match.actor(), year)));
            }
            List<Attribution> attributions = HolderFinder.attributeAll(parsed, spans);
            String sentenceText = sentenceText(text, sentences.get(unit.index()));
            for (int m = 0; m < spans.size(); m++) {
                ActorMatch match = unit.inWindow().get(m);
                if (!unit.toScore().contains(match)) {
                    continue;
                }
                ActorSpan span = spans.get(m);
                StancePrediction prediction = model.predict(StanceFeatures.extract(parsed, span.from(), span.to()));
                Attribution attribution = attributions.get(m);
                for (String actor : rolledUp(match.actor(), year)) {
                    if (seen.add(unit.index() + "\u0000" + actor)) {
                        mentions.add(builder.build(unit.index(), sentenceText, actor, match.surface(), prediction,
                                attribution));
                    }
                }
            }
        }
        counters.mentions.add(mentions.size());
        return new ArticleAnalysis(mentions, articleTopics, sentenceTopics, sentences.size(), units.size(), notes);
    }

    /** What the deep stage parses: whole sentences, or for a sentence over the cap a window per mention. */
    private record ParseUnit(int index, CoreMap sentence, int offset, List<ActorMatch> inWindow, List<ActorMatch> toScore) {
    }

    private List<ParseUnit> parseUnits(List<CoreMap> sentences, List<List<ActorMatch>> matches, List<String> notes) {
        List<ParseUnit> units = new ArrayList<>();
        int cap = settings.maxParseTokens();
        for (int i = 0; i < sentences.size(); i++) {
            List<ActorMatch> sentenceMatches = matches.get(i);
            if (sentenceMatches.isEmpty()) {
                continue;
            }
            CoreMap sentence = sentences.get(i);
            int size = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
            if (size <= cap) {
                units.add(new ParseUnit(i, sentence, 0, sentenceMatches, sentenceMatches));
                continue;
            }
            counters.sentencesTooLong.increment();
            notes.add("sentence " + i + " has " + size + " tokens: each mention parsed in a window of " + cap);
            for (ActorMatch match : sentenceMatches) {
                int from = Math.max(0, Math.min((match.from() + match.to()) / 2 - cap / 2, size - cap));
                int to = Math.min(size, from + cap);
                List<ActorMatch> inWindow = sentenceMatches.stream()
                        .filter(other -> other.from() >= from && other.to() <= to).toList();
                units.add(new ParseUnit(i, NlpPipeline.window(sentence, from, to), from, inWindow, List.of(match)));
            }
        }
        return units;
    }

    /**
     * True when NER calls the words of a place or institution a person's name ("Denzel
     * Washington", "Georgia Smith"): then they do not name the actor.
     */
    private boolean namesAPerson(ActorMatch match, List<CoreLabel> tokens) {
        Actor actor = actors.get(match.actor());
        if (actor == null || actor.isPerson()) {
            return false;
        }
        for (int i = match.from(); i < match.to(); i++) {
            if (!"PERSON".equals(tokens.get(i).ner())) {
                return false;
            }
        }
        return true;
    }

    /** The actor a mention of {@code actor} speaks for in {@code year}: a person's office, else itself. */
    private String speaksAs(String actor, int year) {
        Actor entry = actors.get(actor);
        return entry == null ? actor : entry.speaksForIn(year).orElse(actor);
    }

    /** The actors a mention counts for: itself, and for a person the actor of their office. */
    private List<String> rolledUp(String actor, int year) {
        String office = speaksAs(actor, year);
        return settings.rollUpPeople() && !office.equals(actor) ? List.of(actor, office) : List.of(actor);
    }

    private static List<String> articleTopics(List<List<String>> sentenceTopics) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sentenceTopics.forEach(topics -> topics.forEach(topic -> counts.merge(topic, 1, Integer::sum)));
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey).toList();
    }

    private static String sentenceText(String text, CoreMap sentence) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        if (tokens.isEmpty()) {
            return "";
        }
        return text.substring(tokens.getFirst().beginPosition(), tokens.getLast().endPosition());
    }
}
