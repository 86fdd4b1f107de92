package org.stancewatch.analyze.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped actors.yml through the matcher. */
class ActorMatcherTest {

    private static ActorMatcher matcher;

    @BeforeAll
    static void load() {
        matcher = new ActorMatcher(LexiconFiles.load(null, null).actors());
    }

    private static List<String> actors(ActorMatcher.ArticleScope scope, String sentence) {
        return scope.find(PhraseTokenizer.tokens(sentence)).stream().map(ActorMatch::actor).toList();
    }

    @Test
    void metonymsStandForTheirCountry() {
        ActorMatcher.ArticleScope scope = matcher.newArticle();

        assertThat(actors(scope, "The Kremlin rejected the plan, and Washington was surprised.")).containsExactly("russia", "us");
        assertThat(actors(scope, "The White House said Moscow had not answered.")).containsExactly("us", "russia");
    }

    @Test
    void exclusionsHideTheNameInside() {
        assertThat(actors(matcher.newArticle(), "The Washington Post quoted a Russian diplomat."))
                .containsExactly("russia");
        assertThat(actors(matcher.newArticle(), "Bill Clinton spoke in Atlanta, Georgia, on Monday.")).isEmpty();
    }

    @Test
    void lowercaseUsIsNotTheUnitedStates() {
        assertThat(actors(matcher.newArticle(), "Let us hope the talks succeed.")).isEmpty();
        assertThat(actors(matcher.newArticle(), "The US and Russia agreed.")).containsExactly("us", "russia");
    }

    @Test
    void shortFormsCountOnlyAfterAFullMention() {
        ActorMatcher.ArticleScope fresh = matcher.newArticle();
        assertThat(actors(fresh, "The alliance met on Friday.")).isEmpty();

        ActorMatcher.ArticleScope scope = matcher.newArticle();
        assertThat(actors(scope, "Gates said the alliance would wait.")).as("no full mention yet").isEmpty();
        actors(scope, "NATO Secretary General Anders Fogh Rasmussen met Defense Secretary Robert Gates in Brussels.");
        List<ActorMatch> later = scope.find(PhraseTokenizer.tokens("Gates said the alliance would not wait."));

        assertThat(later).extracting(ActorMatch::actor).containsExactly("robert-gates", "nato");
        assertThat(later).extracting(ActorMatch::form).containsOnly(ActorMatch.Form.SHORT);
    }

    @Test
    void sharedShortFormGoesToTheActorNamedLast() {
        ActorMatcher.ArticleScope scope = matcher.newArticle();
        actors(scope, "Libyan rebels advanced on Sirte.");
        actors(scope, "In Syria, the Free Syrian Army attacked a base.");

        assertThat(actors(scope, "The rebels said they would fight on.")).containsExactly("syrian-opposition");
    }

    @Test
    void peopleAreMatchedByNameAndSurname() {
        assertThat(actors(matcher.newArticle(), "Medvedev and Obama met; Gadhafi and Qaddafi are one man."))
                .containsExactly("medvedev", "obama", "gadhafi", "gadhafi");
    }
}
