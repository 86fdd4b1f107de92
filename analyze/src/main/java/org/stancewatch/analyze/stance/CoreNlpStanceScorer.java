package org.stancewatch.analyze.stance;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.analyze.lexicon.Actor;
import org.stancewatch.analyze.lexicon.ActorLexicon;
import org.stancewatch.analyze.lexicon.ActorMatch;
import org.stancewatch.analyze.lexicon.ActorMatcher;
import org.stancewatch.analyze.lexicon.LexiconFiles;
import org.stancewatch.analyze.lexicon.TopicLexicon;
import org.stancewatch.analyze.nlp.EnglishCheck;
import org.stancewatch.analyze.nlp.NlpPipeline;
import org.stancewatch.analyze.nlp.ParsedSentence;
import org.stancewatch.analyze.nlp.SentenceConverter;
import org.stancewatch.analyze.topic.TopicMatcher;
import org.stancewatch.model.Article;
import org.stancewatch.model.Mention;

/**
 * The stance scorer. CoreNLP splits the text; the lexicon finds the actors of {@code actors.yml}
 * in the words, and only their sentences are tagged (NER drops names of people that merely look
 * like an actor); a {@link TargetStanceModel} scores the stance toward each mention (v2, the
 * default: a fine-tuned transformer on the sentence text; v1: a log-linear model over the parse
 * and RNTN sentiment, which needs every such sentence parsed); holders and quotes come from the
 * dependency tree, parsed only where a holder question arises; topics from {@code topics.yml}.
 * One instance (one pipeline, one model) serves all threads.
 */
public final class CoreNlpStanceScorer implements StanceScorer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpStanceScorer.class);

    private final NlpPipeline pipeline;
    private final ActorMatcher actorMatcher;
    private final TopicMatcher topicMatcher;
    private final Map<String, Actor> actors;
    private final TargetStanceModel model;
    private final ScorerSettings settings;
    private final ScorerCounters counters = new ScorerCounters();

    public CoreNlpStanceScorer(ActorLexicon actors, TopicLexicon topics, TargetStanceModel model,
                               ScorerSettings settings, NlpPipeline pipeline) {
        this.pipeline = pipeline;
        this.actorMatcher = new ActorMatcher(actors);
        this.topicMatcher = new TopicMatcher(topics);
        this.actors = actors.byId();
        this.model = model;
        this.settings = settings;
    }

    /**
     * The given lexicon files (a null path means the shipped one, see {@link LexiconFiles}), read
     * and checked before {@code loadModel} loads the stance model (see
     * {@link org.stancewatch.analyze.StanceModels}, which loads one by name).
     */
    public static CoreNlpStanceScorer fromFiles(Path actorsFile, Path topicsFile,
                                                Supplier<? extends TargetStanceModel> loadModel) {
        LexiconFiles.Lexicons lexicons = LexiconFiles.load(actorsFile, topicsFile);
        LOG.info("{} actors from {}, {} topics from {}", lexicons.actors().actors().size(), lexicons.actorsSource(),
                lexicons.topics().topics().size(), lexicons.topicsSource());
        TargetStanceModel model = loadModel.get();
        NlpPipeline pipeline = NlpPipeline.forArticles(model.readsParses()
                ? NlpPipeline.DeepStage.PARSE_AND_SENTIMENT : NlpPipeline.DeepStage.DEPENDENCIES);
        return new CoreNlpStanceScorer(lexicons.actors(), lexicons.topics(), model, ScorerSettings.DEFAULT, pipeline);
    }

    @Override
    public List<Mention> score(Article article) {
        return analyze(article).mentions();
    }

    @Override
    public String version() {
        return model.version();
    }

    public ScorerCounters counters() {
        return counters;
    }

    /** The article's mentions, topics, and what was skipped. */
    public ArticleAnalysis analyze(Article article) {
        counters.articles.increment();
        String skipped = reasonToSkip(article);
        if (skipped != null) {
            return ArticleAnalysis.skipped(skipped);
        }
        List<String> notes = new ArrayList<>();
        String text = cutToCap(article.text(), notes);
        int year = article.publishedAt().atZone(ZoneOffset.UTC).getYear();
        List<CoreMap> sentences = pipeline.split(text).get(CoreAnnotations.SentencesAnnotation.class);
        List<List<String>> words = sentences.stream().map(CoreNlpStanceScorer::words).toList();
        List<List<ActorMatch>> matches = findActors(sentences, words, notes);
        List<ParseUnit> units = parseUnits(sentences, matches, notes);
        int parsed = parse(units, year);
        List<List<String>> sentenceTopics = sentenceTopics(words, matches, year);
        List<String> articleTopics = articleTopics(sentenceTopics);
        MentionBuilder builder = new MentionBuilder(article, model.version(), sentenceTopics, articleTopics);
        List<Mention> mentions = scoreMentions(candidates(text, sentences, units, year), year, builder);
        counters.mentions.add(mentions.size());
        return new ArticleAnalysis(mentions, articleTopics, sentenceTopics, sentences.size(), parsed, notes);
    }

    private String reasonToSkip(Article article) {
        String language = article.language().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.startsWith("en-") && !language.startsWith("en_")) {
            counters.articlesNotEnglish.increment();
            String reason = "article " + article.id() + " skipped: language '" + article.language()
                    + "' is not scored (the stance model reads English only)";
            LOG.debug(reason);
            return reason;
        }
        if (article.text().isBlank()) {
            counters.articlesEmpty.increment();
            return "article " + article.id() + " has no text";
        }
        return null;
    }

    /** The text up to the scorer's cap: longer texts are cut, and the note says so. */
    private String cutToCap(String text, List<String> notes) {
        if (text.length() <= settings.maxTextChars()) {
            return text;
        }
        counters.textsTruncated.increment();
        notes.add("text cut at " + settings.maxTextChars() + " of " + text.length() + " characters");
        return text.substring(0, settings.maxTextChars());
    }

    /**
     * Each sentence's actor mentions; none in a foreign-language sentence. The lexicon matches
     * words; only the sentences where it matched are tagged, and NER then drops the matches that
     * are a person's name.
     */
    private List<List<ActorMatch>> findActors(List<CoreMap> sentences, List<List<String>> words, List<String> notes) {
        List<List<ActorMatch>> candidates = new ArrayList<>();
        ActorMatcher.ArticleScope scope = actorMatcher.newArticle();
        for (int i = 0; i < sentences.size(); i++) {
            counters.sentences.increment();
            if (EnglishCheck.isForeign(words.get(i))) {
                counters.sentencesNotEnglish.increment();
                notes.add("sentence " + i + " skipped: it is not English");
                candidates.add(List.of());
            } else {
                candidates.add(scope.find(words.get(i)));
            }
        }
        List<CoreMap> toTag = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (!candidates.get(i).isEmpty()) {
                toTag.add(sentences.get(i));
            }
        }
        pipeline.annotateTags(toTag);
        counters.sentencesTagged.add(toTag.size());
        List<List<ActorMatch>> matches = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<CoreLabel> tokens = sentences.get(i).get(CoreAnnotations.TokensAnnotation.class);
            matches.add(candidates.get(i).stream().filter(match -> !namesAPerson(match, tokens)).toList());
        }
        return matches;
    }

    /** What the deep stage looks at: a whole sentence, or for a sentence over the cap a window per mention. */
    private record ParseUnit(int index, CoreMap sentence, int offset, List<ActorMatch> inWindow,
                             List<ActorMatch> toScore) {
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
            notes.add("sentence " + i + " has " + size + " tokens: each mention read in a window around it");
            for (ActorMatch match : sentenceMatches) {
                int from = Math.max(0, Math.min((match.from() + match.to()) / 2 - cap / 2, size - cap));
                int to = Math.min(size, from + cap);
                List<ActorMatch> inWindow = sentenceMatches.stream()
                        .filter(other -> other.from() >= from && other.to() <= to).toList();
                units.add(new ParseUnit(i, NlpPipeline.window(sentence, from, to), from, inWindow, List.of(match)));
            }
        }
        if (units.size() > settings.maxParseUnits()) {
            int over = units.size() - settings.maxParseUnits();
            counters.unitsOverCap.add(over);
            notes.add(over + " sentences or windows with actors past the first " + settings.maxParseUnits()
                    + " not scored");
            return List.copyOf(units.subList(0, settings.maxParseUnits()));
        }
        return units;
    }

    /**
     * Runs the deep stage the model needs: v1 parses every unit; v2 only adds dependencies to the
     * units where a holder question arises. Returns how many units were parsed.
     */
    private int parse(List<ParseUnit> units, int year) {
        List<CoreMap> toParse = units.stream()
                .filter(unit -> model.readsParses()
                        || HolderFinder.needsDependencies(lemmas(unit.sentence()), spans(unit, year)))
                .map(ParseUnit::sentence).toList();
        if (model.readsParses()) {
            pipeline.annotateDeep(toParse);
        } else {
            pipeline.annotateDependencies(toParse);
        }
        counters.sentencesParsed.add(toParse.size());
        return toParse.size();
    }

    /** One mention on its way to the model: where it is, whose view it is, and whether it is a speaker. */
    private record Candidate(ParseUnit unit, ActorMatch match, Attribution attribution, boolean speaker,
                             TargetInSentence target) {
    }

    /**
     * The mentions to be scored, each with its holder, whether it is a speaker, and its place in
     * the whole sentence's text (also when the unit is a window of it).
     */
    private List<Candidate> candidates(String text, List<CoreMap> sentences, List<ParseUnit> units, int year) {
        List<Candidate> candidates = new ArrayList<>();
        for (ParseUnit unit : units) {
            ParsedSentence parsed = SentenceConverter.convert(unit.sentence());
            List<ActorSpan> spans = spans(unit, year);
            HolderFinder.SentenceAttributions attributions = HolderFinder.attributeAll(parsed, spans);
            List<CoreLabel> sentenceTokens = sentences.get(unit.index()).get(CoreAnnotations.TokensAnnotation.class);
            int sentenceBegin = sentenceTokens.getFirst().beginPosition();
            String sentenceText = text.substring(sentenceBegin, sentenceTokens.getLast().endPosition());
            for (int m = 0; m < spans.size(); m++) {
                ActorMatch match = unit.inWindow().get(m);
                if (unit.toScore().contains(match)) {
                    CharSpan chars = new CharSpan(sentenceTokens.get(match.from()).beginPosition() - sentenceBegin,
                            sentenceTokens.get(match.to() - 1).endPosition() - sentenceBegin);
                    candidates.add(new Candidate(unit, match, attributions.attributions().get(m),
                            attributions.isSpeaker(m), new TargetInSentence(parsed, spans.get(m).from(),
                                    spans.get(m).to(), sentenceText, chars)));
                }
            }
        }
        return candidates;
    }

    /** Scores the candidates that own a mention (speakers are not asked of the model) and builds those mentions. */
    private List<Mention> scoreMentions(List<Candidate> candidates, int year, MentionBuilder builder) {
        Map<String, Candidate> owners = owners(candidates, year);
        Set<Candidate> owning = Collections.newSetFromMap(new IdentityHashMap<>());
        owning.addAll(owners.values());
        List<Candidate> chosen = candidates.stream().filter(owning::contains).toList();
        List<StancePrediction> predictions = model.predict(chosen.stream()
                .filter(candidate -> !candidate.speaker()).map(Candidate::target).toList());
        List<Mention> mentions = new ArrayList<>();
        int next = 0;
        for (Candidate candidate : chosen) {
            StancePrediction prediction = candidate.speaker() ? StancePrediction.SPEAKER : predictions.get(next++);
            for (String actor : rolledUp(candidate.match().actor(), year)) {
                if (owners.get(candidate.unit().index() + "\u0000" + actor) == candidate) {
                    mentions.add(builder.build(candidate.unit().index(), candidate.target().sentence(), actor,
                            candidate.match().surface(), prediction, candidate.attribution()));
                }
            }
        }
        return mentions;
    }

    /**
     * Which candidate gives each sentence its one mention of each actor (people counting for their
     * office too): the first target, else the first speaker. "NATO criticised Russia, and Russia
     * criticised NATO": each is scored where it is the target; "Rasmussen said NATO's plans were
     * sound": NATO's mention is the target's, not Rasmussen's rolled up. A candidate that owns
     * nothing is not scored at all.
     */
    private Map<String, Candidate> owners(List<Candidate> candidates, int year) {
        Map<String, Candidate> owners = new HashMap<>();
        for (boolean speakers : new boolean[] {false, true}) {
            for (Candidate candidate : candidates) {
                if (candidate.speaker() == speakers) {
                    for (String actor : rolledUp(candidate.match().actor(), year)) {
                        owners.putIfAbsent(candidate.unit().index() + "\u0000" + actor, candidate);
                    }
                }
            }
        }
        return owners;
    }

    /** The unit's actor mentions as token spans of the unit, with the actor each speaks for. */
    private List<ActorSpan> spans(ParseUnit unit, int year) {
        List<ActorSpan> spans = new ArrayList<>();
        for (ActorMatch match : unit.inWindow()) {
            spans.add(new ActorSpan(match.from() - unit.offset(), match.to() - unit.offset(), match.actor(),
                    speaksAs(match.actor(), year)));
        }
        return spans;
    }

    private List<List<String>> sentenceTopics(List<List<String>> words, List<List<ActorMatch>> matches, int year) {
        Set<String> articleActors = new HashSet<>();
        for (List<ActorMatch> sentenceMatches : matches) {
            for (ActorMatch match : sentenceMatches) {
                articleActors.add(match.actor());
                articleActors.add(speaksAs(match.actor(), year));
            }
        }
        List<List<String>> sentenceTopics = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Set<String> inSentence = new HashSet<>();
            matches.get(i).forEach(match -> inSentence.add(match.actor()));
            sentenceTopics.add(List.copyOf(topicMatcher.topics(words.get(i), inSentence, articleActors)));
        }
        return sentenceTopics;
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

    private static List<String> words(CoreMap sentence) {
        return sentence.get(CoreAnnotations.TokensAnnotation.class).stream().map(CoreLabel::word).toList();
    }

    private static List<String> lemmas(CoreMap sentence) {
        return sentence.get(CoreAnnotations.TokensAnnotation.class).stream()
                .map(token -> (token.lemma() == null ? token.word() : token.lemma()).toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> articleTopics(List<List<String>> sentenceTopics) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sentenceTopics.forEach(topics -> topics.forEach(topic -> counts.merge(topic, 1, Integer::sum)));
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey).toList();
    }

    /** Frees the model's native resources. */
    @Override
    public void close() {
        model.close();
    }
}
