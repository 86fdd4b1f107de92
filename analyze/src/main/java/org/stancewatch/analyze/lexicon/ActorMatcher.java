package org.stancewatch.analyze.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the actors of the lexicon in an article's sentences. Full forms (aliases, demonyms,
 * metonyms) count everywhere; short forms ("the alliance", a surname) count only after the actor
 * was named in full earlier in the same article, and where several actors share a short form
 * ("the rebels") the one named most recently wins. Exclusions ("Washington Post") are phrases
 * that stand for nothing, so as the longer match they hide the alias inside them.
 *
 * <p>Thread-safe: the per-article state lives in {@link ArticleScope}.
 */
public final class ActorMatcher {

    private sealed interface Entry permits Full, Short, Exclusion {
    }

    private record Full(String actor) implements Entry {
    }

    private record Short(String actor) implements Entry {
    }

    private record Exclusion() implements Entry {
    }

    private final PhraseMatcher<Entry> phrases = new PhraseMatcher<>();
    private final ActorLexicon lexicon;

    public ActorMatcher(ActorLexicon lexicon) {
        this.lexicon = lexicon;
        for (Actor actor : lexicon.actors()) {
            for (String form : actor.fullForms()) {
                phrases.add(PhraseTokenizer.tokens(form), new Full(actor.id()));
            }
            List<String> shortForms = new ArrayList<>(actor.shortForms());
            if (actor.isPerson() && shortForms.isEmpty()) {
                List<String> name = PhraseTokenizer.tokens(actor.name());
                shortForms.add(name.getLast());
            }
            for (String form : shortForms) {
                phrases.add(PhraseTokenizer.tokens(form), new Short(actor.id()));
            }
            for (String exclusion : actor.excludes()) {
                phrases.add(PhraseTokenizer.tokens(exclusion), new Exclusion());
            }
        }
    }

    public ActorLexicon lexicon() {
        return lexicon;
    }

    /** A new scope for one article: it remembers which actors were named in full, and where. */
    public ArticleScope newArticle() {
        return new ArticleScope();
    }

    /** The state of one article: call {@link #find} on its sentences in order. */
    public final class ArticleScope {

        private final Map<String, Integer> lastFullMention = new HashMap<>();
        private int position;

        /** The actors named in a sentence, given its words in order. */
        public List<ActorMatch> find(List<String> words) {
            List<ActorMatch> matches = new ArrayList<>();
            for (PhraseMatcher.Match<Entry> match : phrases.find(words)) {
                String surface = String.join(" ", words.subList(match.from(), match.to()));
                String full = null;
                String shortForm = null;
                int shortSeen = -1;
                boolean excluded = false;
                for (Entry entry : match.values()) {
                    switch (entry) {
                        case Full f -> full = full == null ? f.actor() : full;
                        case Short s -> {
                            Integer seen = lastFullMention.get(s.actor());
                            if (seen != null && seen > shortSeen) {
                                shortSeen = seen;
                                shortForm = s.actor();
                            }
                        }
                        case Exclusion x -> excluded = true;
                    }
                }
                if (full != null) {
                    matches.add(new ActorMatch(full, match.from(), match.to(), surface, ActorMatch.Form.FULL));
                    lastFullMention.put(full, position + match.from());
                } else if (shortForm != null && !excluded) {
                    matches.add(new ActorMatch(shortForm, match.from(), match.to(), surface, ActorMatch.Form.SHORT));
                }
            }
            position += words.size();
            return matches;
        }
    }
}
