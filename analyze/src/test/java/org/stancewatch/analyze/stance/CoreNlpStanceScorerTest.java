package org.stancewatch.analyze.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stancewatch.analyze.StanceModels;
import org.stancewatch.model.Article;
import org.stancewatch.model.DateSource;
import org.stancewatch.model.Mention;
import org.stancewatch.model.Polarity;

/**
 * The scorer with the default model (v2) on sentences written for these tests, one behaviour each.
 * CoreNLP takes 10-20 s to load, so all tests share one scorer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreNlpStanceScorerTest {

    private CoreNlpStanceScorer scorer;

    @BeforeAll
    void load() {
        scorer = CoreNlpStanceScorer.fromFiles(null, null, () -> StanceModels.load(StanceModels.DEFAULT));
    }

    @AfterAll
    void close() {
        scorer.close();
    }

    private ArticleAnalysis analyze(String text, int year) {
        return scorer.analyze(LocalArticles.of(text, "test", LocalDate.of(year, 6, 1), "en"));
    }

    private static Mention mention(ArticleAnalysis analysis, String actor) {
        return analysis.mentions().stream().filter(m -> m.actor().equals(actor)).findFirst()
                .orElseThrow(() -> new AssertionError("no mention of " + actor + " in " + analysis.mentions()));
    }

    @Test
    void negationLowersTheStance() {
        double plain = mention(analyze("Russia is a reliable and trustworthy partner.", 2010), "russia").score();
        double negated = mention(analyze("Russia is not a reliable and trustworthy partner.", 2010), "russia").score();

        assertThat(negated).isLessThan(plain);
    }

    @Test
    void quotedWordsBelongToTheirSpeaker() {
        ArticleAnalysis analysis = analyze(
                "\"NATO's missile plans are a direct threat to our security,\" Lavrov said.", 2010);

        Mention nato = mention(analysis, "nato");
        assertThat(nato.quoted()).isTrue();
        assertThat(nato.holder()).isEqualTo("russia");
        assertThat(nato.polarity()).isEqualTo(Polarity.NEGATIVE);
    }

    @Test
    void theSubjectOfAVerbOfConflictHoldsTheStanceTowardItsObject() {
        Mention russia = mention(analyze("Rasmussen condemned Russia's reaction.", 2011), "russia");
        Mention nato = mention(analyze("Moscow is suspicious of NATO's plans.", 2010), "nato");
        Mention west = mention(analyze("Russia blames the West.", 2010), "west");

        assertThat(russia.holder()).as("Rasmussen speaks for NATO in 2011").isEqualTo("nato");
        assertThat(russia.quoted()).isFalse();
        assertThat(nato.holder()).isEqualTo("russia");
        assertThat(west.holder()).isEqualTo("russia");
    }

    @Test
    void thePassiveAgentHoldsTheStance() {
        Mention russia = mention(analyze("Russia was sharply criticized by NATO.", 2010), "russia");

        assertThat(russia.holder()).isEqualTo("nato");
        assertThat(russia.polarity()).isEqualTo(Polarity.NEGATIVE);
    }

    @Test
    void whoCondemnsIsTheHolderNotATargetOfTheCondemnation() {
        ArticleAnalysis analysis = analyze("NATO Secretary-General Rasmussen recently condemned Russia for its "
                + "sharp reaction to the alliance's missile defense plans.", 2011);

        Mention russia = mention(analysis, "russia");
        assertThat(russia.polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(russia.holder()).isEqualTo("nato");
        Mention rasmussen = mention(analysis, "rasmussen");
        assertThat(rasmussen.polarity()).as("the speaker is not the target").isEqualTo(Polarity.NEUTRAL);
        assertThat(rasmussen.score()).isZero();
    }

    @Test
    void aFrustratedSpeakerWhoChidesIsNotScoredNegative() {
        ArticleAnalysis analysis = analyze("Clearly frustrated, Rasmussen chided Russia's outdated thinking.", 2011);

        assertThat(mention(analysis, "rasmussen").polarity()).isEqualTo(Polarity.NEUTRAL);
        assertThat(mention(analysis, "russia").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(mention(analysis, "russia").holder()).isEqualTo("nato");
    }

    @Test
    void whatTheKremlinMaintainsAboutNatoIsNegativeTowardNatoWithRussiaTheHolder() {
        Mention nato = mention(analyze("The Kremlin maintains that NATO's missile defense plans could undermine "
                + "Russia's security.", 2011), "nato");

        assertThat(nato.polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(nato.holder()).isEqualTo("russia");
        assertThat(nato.quoted()).as("maintain is a verb of speech").isTrue();
    }

    @Test
    void aReassuranceInAQuoteIsNotNegativeTowardWhomItReassures() {
        Mention russia = mention(analyze("\"We are not a threat to Russia, we will not attack Russia,\" "
                + "Rasmussen said.", 2011), "russia");

        assertThat(russia.polarity()).isNotEqualTo(Polarity.NEGATIVE);
        assertThat(russia.holder()).isEqualTo("nato");
        assertThat(russia.quoted()).isTrue();
    }

    @Test
    void whoBlamesHoldsTheStanceAndIsNotBlamed() {
        ArticleAnalysis analysis = analyze("Russia blames the West for the collapse of the talks.", 2010);

        assertThat(mention(analysis, "west").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(mention(analysis, "west").holder()).isEqualTo("russia");
        assertThat(mention(analysis, "russia").polarity()).isEqualTo(Polarity.NEUTRAL);
    }

    @Test
    void aSpeakerCountedForTheirOfficeDoesNotHideWhatTheSentenceSaysOfThatOffice() {
        ArticleAnalysis analysis = analyze("Rasmussen condemned Russia, and NATO's ministers were furious.", 2011);

        Mention nato = mention(analysis, "nato");
        assertThat(nato.surface()).as("NATO's own mention, not Rasmussen's rolled up").isEqualTo("NATO");
        assertThat(mention(analysis, "rasmussen").polarity()).isEqualTo(Polarity.NEUTRAL);
    }

    @Test
    void suspicionIsNegativeTowardItsObject() {
        Mention nato = mention(analyze("Moscow is deeply suspicious of NATO's plans in Eastern Europe.", 2010), "nato");

        assertThat(nato.polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(nato.holder()).isEqualTo("russia");
    }

    @Test
    void praiseIsPositiveTowardItsObject() {
        Mention russia = mention(analyze("Obama praised Russia for its constructive role in the talks.", 2010), "russia");

        assertThat(russia.polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(russia.holder()).isEqualTo("us");
    }

    @Test
    void aCoordinatedClauseKeepsItsOwnSubject() {
        ArticleAnalysis analysis = analyze("NATO leaders welcomed Russia, and Medvedev agreed to study the plan.", 2010);

        assertThat(mention(analysis, "russia").holder()).isEqualTo("nato");
        assertThat(mention(analysis, "medvedev").holder()).as("the welcome is not about Medvedev").isEmpty();
    }

    @Test
    void theOutletsOwnVoiceHasNoHolder() {
        Mention russia = mention(analyze("Russia signed the agreement on Tuesday.", 2010), "russia");

        assertThat(russia.holder()).isEmpty();
        assertThat(russia.hasHolder()).isFalse();
        assertThat(russia.quoted()).isFalse();
    }

    @Test
    void theKremlinIsRussia() {
        Mention mention = mention(analyze("The Kremlin rejected the proposal.", 2010), "russia");

        assertThat(mention.surface()).isEqualTo("The Kremlin");
    }

    @Test
    void aPlaceNameThatNerCallsAPersonIsNotTheActor() {
        assertThat(analyze("Denzel Washington starred in the film.", 2010).mentions()).isEmpty();
        assertThat(analyze("Washington rejected the offer.", 2010).mentions()).extracting(Mention::actor).containsExactly("us");
    }

    @Test
    void twoTargetsInOneSentenceCanGetOppositeStances() {
        ArticleAnalysis analysis = analyze(
                "Georgia's brave defenders won praise, while Russia was condemned for its brutal invasion.", 2010);

        assertThat(mention(analysis, "georgia").score()).isGreaterThan(mention(analysis, "russia").score());
        assertThat(mention(analysis, "russia").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(mention(analysis, "georgia").polarity()).isNotEqualTo(Polarity.NEGATIVE);
    }

    @Test
    void aTopicWithoutAnActorIsFoundAndLendsItsTopicToTheNextSentence() {
        ArticleAnalysis analysis = analyze(
                "The missile shield in Europe remains controversial. Officials in Washington declined to comment.", 2010);

        assertThat(analysis.sentenceTopics().getFirst()).containsExactly("missile-defense");
        assertThat(analysis.topics()).containsExactly("missile-defense");
        assertThat(analysis.mentions()).extracting(Mention::sentenceIndex).containsOnly(1);
        assertThat(mention(analysis, "us").topics()).containsExactly("missile-defense");
    }

    @Test
    void aPersonAlsoCountsForTheActorOfTheirOfficeThatYear() {
        assertThat(analyze("Lavrov criticized the plan.", 2010).mentions()).extracting(Mention::actor)
                .containsExactly("lavrov", "russia");
        assertThat(analyze("Lavrov criticized the plan.", 2003).mentions()).extracting(Mention::actor)
                .containsExactly("lavrov");
    }

    @Test
    void aNonEnglishArticleIsSkippedWithTheReason() {
        Article german = LocalArticles.of("Die Regierung in Moskau hat die Pläne der NATO scharf kritisiert.", "test",
                LocalDate.of(2010, 1, 1), "de");
        long before = scorer.counters().snapshot().get("articles.notEnglish");

        ArticleAnalysis analysis = scorer.analyze(german);

        assertThat(analysis.mentions()).isEmpty();
        assertThat(analysis.notes()).singleElement().asString().contains("language 'de' is not scored");
        assertThat(scorer.counters().snapshot().get("articles.notEnglish")).isEqualTo(before + 1);
    }

    @Test
    void aNonEnglishSentenceInAnEnglishArticleIsSkippedWithTheReason() {
        ArticleAnalysis analysis = analyze("NATO ministers met on Monday. "
                + "Die Regierung in Moskau hat die Pläne der NATO scharf kritisiert und abgelehnt.", 2010);

        assertThat(analysis.mentions()).extracting(Mention::sentenceIndex).containsOnly(0);
        assertThat(analysis.notes()).contains("sentence 1 skipped: it is not English");
    }

    @Test
    void anEmptyTextGivesNoMentions() {
        ArticleAnalysis analysis = analyze("", 2010);

        assertThat(analysis.mentions()).isEmpty();
        assertThat(analysis.notes()).singleElement().asString().contains("has no text");
    }

    @Test
    void aHugeTextIsReadUpToTheCapAndTheCutIsCounted() {
        String filler = "The delegates talked about the weather and the food for a long time. ".repeat(1500);
        String text = "NATO welcomed the agreement. " + filler + "Russia rejected it.";
        long before = scorer.counters().snapshot().get("texts.truncated");

        ArticleAnalysis analysis = analyze(text, 2010);

        assertThat(text.length()).isGreaterThan(ScorerSettings.DEFAULT.maxTextChars());
        assertThat(analysis.mentions()).extracting(Mention::actor).containsExactly("nato");
        assertThat(analysis.notes()).anySatisfy(note -> assertThat(note).startsWith("text cut at 100000 of"));
        assertThat(scorer.counters().snapshot().get("texts.truncated")).isEqualTo(before + 1);
    }

    @Test
    void aFiveThousandTokenSentenceIsScoredInWindowsAndCounted() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1240; i++) {
            text.append("and the talks went ");
            if (i == 600) {
                text.append("on while NATO sharply criticized Russia ");
            }
        }
        long before = scorer.counters().snapshot().get("sentences.tooLong");

        ArticleAnalysis analysis = analyze(text.toString(), 2010);

        assertThat(analysis.sentenceCount()).isEqualTo(1);
        assertThat(analysis.mentions()).extracting(Mention::actor).containsExactly("nato", "russia");
        assertThat(analysis.notes()).anySatisfy(note -> assertThat(note).contains("tokens: each mention read in a window"));
        assertThat(scorer.counters().snapshot().get("sentences.tooLong")).isEqualTo(before + 1);
    }

    @Test
    void anArticleReadsAtMostItsCapOfSentencesWithActorsAndCountsTheRest() {
        int cap = ScorerSettings.DEFAULT.maxParseUnits();
        String text = "NATO met again. ".repeat(cap + 10);
        long before = scorer.counters().snapshot().get("units.overCap");

        ArticleAnalysis analysis = analyze(text, 2010);

        assertThat(analysis.mentions()).hasSize(cap).extracting(Mention::sentenceIndex).allMatch(index -> index < cap);
        assertThat(analysis.notes()).contains("10 sentences or windows with actors past the first " + cap + " not scored");
        assertThat(scorer.counters().snapshot().get("units.overCap")).isEqualTo(before + 10);
    }

    @Test
    void everyMentionFieldComesFromTheArticleOrTheScorer() {
        Article article = new Article("a1", "https://example.com/a", "https://example.com/a", "src", "example.com",
                "Title", List.of(), Instant.parse("2010-04-08T10:00:00Z"), DateSource.FEED,
                Instant.parse("2010-04-09T00:00:00Z"), "en", "Obama and Medvedev signed the New START treaty in Prague.", 8,
                "hash", "00000000000000ff", 3, "original-id");

        List<Mention> mentions = scorer.score(article);

        assertThat(mentions).extracting(Mention::actor).contains("obama", "us", "medvedev", "russia", "czech-republic");
        for (Mention mention : mentions) {
            assertThat(mention.id()).isEqualTo(Mention.idFor("a1", 0, mention.actor()));
            assertThat(mention.articleId()).isEqualTo("a1");
            assertThat(mention.revision()).isEqualTo(3);
            assertThat(mention.copyOf()).isEqualTo("original-id");
            assertThat(mention.dateSource()).isEqualTo(DateSource.FEED);
            assertThat(mention.publishedAt()).isEqualTo(article.publishedAt());
            assertThat(mention.outlet()).isEqualTo("example.com");
            assertThat(mention.url()).isEqualTo("https://example.com/a");
            assertThat(mention.model()).isEqualTo(scorer.version()).startsWith("minilm-stance/");
            assertThat(mention.sentence()).isEqualTo("Obama and Medvedev signed the New START treaty in Prague.");
            assertThat(mention.topics()).contains("arms-control");
        }
    }

    @Test
    void oneScorerGivesTheSameResultsFromManyThreads() throws Exception {
        List<String> texts = List.of(
                "The Kremlin rejected the proposal.",
                "NATO welcomed the decision of the Russian government.",
                "Iran's nuclear programme worries Washington and the European Union.",
                "Gadhafi's forces shelled Misrata as the rebels retreated.");
        List<List<Mention>> sequential = new ArrayList<>();
        for (String text : texts) {
            sequential.add(analyze(text, 2011).mentions());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Mention>>> parallel = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String text : texts) {
                    parallel.add(pool.submit(() -> analyze(text, 2011).mentions()));
                }
            }
            for (int i = 0; i < parallel.size(); i++) {
                assertThat(parallel.get(i).get()).isEqualTo(sequential.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
