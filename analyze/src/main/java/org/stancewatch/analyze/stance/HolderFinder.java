package org.stancewatch.analyze.stance;

import java.util.List;
import org.stancewatch.analyze.nlp.DependencyTree;
import org.stancewatch.analyze.nlp.ParsedSentence;

/**
 * Finds the holder of a stance: the actor whose view a sentence reports about a mention.
 *
 * <ul>
 *   <li>The mention is the object, oblique or clausal complement of a predicate of conflict,
 *       cooperation, speech or attitude (or one the RNTN finds polar) whose subject (or passive
 *       agent) is another actor: "Rasmussen condemned Russia's reaction" (holder: NATO), "Moscow is
 *       suspicious of NATO's plans" (Russia), "Russia blames the West" (Russia), "Russia was
 *       criticised by NATO" (NATO).</li>
 *   <li>Speech verbs and quotation marks make the mention quoted; the speaker, when an actor, is
 *       the holder. "according to X" makes X the holder.</li>
 *   <li>Otherwise the stance is the outlet's own.</li>
 * </ul>
 *
 * <p>A holder that voices its stance (a verb of speech, attitude or judgement, "according to",
 * the speaker of a quote) is marked a {@linkplain SentenceAttributions#isSpeaker speaker}: "X
 * condemned Y" says nothing negative about X. A holder that acts ("X invaded Y") is not: the
 * sentence is about it too.
 *
 * <p>It reads the dependencies when the sentence has them; without them only quotation marks
 * and "according to" are seen. {@link #needsDependencies} says when a sentence has a holder
 * question that the dependencies could answer.
 */
final class HolderFinder {

    private static final int MAX_STEPS = 8;
    private static final double POLAR_PREDICATE = 0.3;

    private final ParsedSentence sentence;
    private final List<ActorSpan> actors;
    private final DependencyTree tree;

    private HolderFinder(ParsedSentence sentence, List<ActorSpan> actors) {
        this.sentence = sentence;
        this.actors = actors;
        this.tree = sentence.hasDependencies() ? new DependencyTree(sentence) : null;
    }

    /** What was found for the actors of one sentence, in their order. */
    record SentenceAttributions(List<Attribution> attributions, boolean[] speakers) {

        /** True when actor {@code i} holds the stance toward another of the sentence's actors. */
        boolean isSpeaker(int i) {
            return speakers[i];
        }
    }

    /** Attributes each of the sentence's {@code actors}, in order, and marks the speakers among them. */
    static SentenceAttributions attributeAll(ParsedSentence sentence, List<ActorSpan> actors) {
        HolderFinder finder = new HolderFinder(sentence, actors);
        List<Attribution> attributions = new java.util.ArrayList<>(actors.size());
        boolean[] speakers = new boolean[actors.size()];
        for (ActorSpan actor : actors) {
            Found found = finder.attribute(actor);
            attributions.add(found.attribution());
            if (found.holder() != null && found.voiced()) {
                speakers[actors.indexOf(found.holder())] = true;
            }
        }
        return new SentenceAttributions(attributions, speakers);
    }

    /**
     * True when the dependencies could name a holder or a speaker that the tokens alone cannot:
     * the sentence names two actors that speak for different sides, or has a verb of speech
     * ("analysts said ..." makes a mention quoted).
     */
    static boolean needsDependencies(List<String> lowerCaseLemmas, List<ActorSpan> actors) {
        if (actors.stream().map(ActorSpan::speaksAs).distinct().count() > 1) {
            return true;
        }
        return lowerCaseLemmas.stream().anyMatch(VerbClasses.SPEECH::contains);
    }

    /**
     * An attribution, the mention that holds it (null for the outlet or someone untracked), and
     * whether the holder voices it rather than acts it out.
     */
    private record Found(Attribution attribution, ActorSpan holder, boolean voiced) {

        static final Found OUTLET = new Found(Attribution.OUTLET, null, false);

        static Found by(ActorSpan holder, boolean quoted, boolean voiced) {
            return new Found(new Attribution(holder.speaksAs(), quoted), holder, voiced);
        }

        static Found untracked(boolean quoted) {
            return quoted ? new Found(new Attribution("", true), null, false) : OUTLET;
        }
    }

    private Found attribute(ActorSpan mention) {
        boolean inQuote = insideQuotes(sentence, mention.from());
        if (tree == null) {
            ActorSpan source = accordingTo(mention);
            return source != null ? Found.by(source, true, true) : Found.untracked(inQuote);
        }
        int node = tree.headOf(mention.from(), mention.to());
        for (int step = 0; step < MAX_STEPS && tree.head(node) >= 0; step++) {
            int predicate = tree.head(node);
            String relation = tree.relation(node);
            if (crossesIntoAnotherClause(node, relation)) {
                break;
            }
            boolean mentionIsSubject = relation.startsWith("nsubj") && !relation.equals("nsubj:pass")
                    || isPassiveAgent(node);
            if (!mentionIsSubject && !mention.contains(predicate)) {
                ActorSpan subject = subjectActor(predicate, mention);
                String lemma = StanceFeatures.lemma(sentence.tokens().get(predicate));
                String verbClass = VerbClasses.classOf(lemma);
                boolean speech = "speech".equals(verbClass);
                if (subject != null && (verbClass != null || isPolar(sentence, predicate))) {
                    return Found.by(subject, speech || inQuote, VerbClasses.voicesAJudgement(lemma));
                }
                if (speech && hasSubject(predicate)) {
                    // Someone who is not a tracked actor said it ("analysts said ...").
                    return Found.untracked(true);
                }
            }
            node = predicate;
        }
        ActorSpan source = accordingTo(mention);
        if (source != null) {
            return Found.by(source, true, true);
        }
        if (inQuote) {
            ActorSpan speaker = speaker(mention);
            return speaker == null ? Found.untracked(true) : Found.by(speaker, true, true);
        }
        return Found.OUTLET;
    }

    /** The actor that is the subject (or passive agent) of {@code predicate}, if it is not the mention's actor. */
    private ActorSpan subjectActor(int predicate, ActorSpan mention) {
        for (int child : tree.children(predicate)) {
            String relation = tree.relation(child);
            if ((relation.equals("nsubj") || isPassiveAgent(child)) && !mention.contains(child)) {
                ActorSpan actor = actorAt(child, mention);
                if (actor != null) {
                    return actor;
                }
            }
        }
        return null;
    }

    /** The actor at a subject token: the token itself, or a modifier of it ("Russian officials"). */
    private ActorSpan actorAt(int token, ActorSpan mention) {
        for (ActorSpan actor : actors) {
            if (actor.contains(token) && !actor.speaksAs().equals(mention.speaksAs())) {
                return actor;
            }
        }
        for (int child : tree.children(token)) {
            String relation = tree.relation(child);
            if (relation.equals("amod") || relation.equals("compound") || relation.equals("nmod:poss")
                    || relation.equals("nmod")) {
                for (ActorSpan actor : actors) {
                    if (actor.contains(child) && !actor.speaksAs().equals(mention.speaksAs())) {
                        return actor;
                    }
                }
            }
        }
        return null;
    }

    /**
     * True when going up from {@code node} would leave its clause for one that is not about it: a
     * coordinated, adverbial or relative clause ("NATO welcomed Russia, and Medvedev agreed ...":
     * the welcome is not about Medvedev). Complement clauses stay ("Lavrov said NATO was wrong").
     */
    private boolean crossesIntoAnotherClause(int node, String relation) {
        boolean clause = sentence.tokens().get(node).tag().startsWith("VB") || hasSubject(node);
        return clause && (relation.equals("conj") || relation.startsWith("advcl") || relation.startsWith("acl"));
    }

    /** True for the "by" phrase of a passive: "criticised by NATO" (obl:agent, or obl with case "by"). */
    private boolean isPassiveAgent(int token) {
        String relation = tree.relation(token);
        if (relation.equals("obl:agent")) {
            return true;
        }
        if (!relation.equals("obl") || tree.head(token) < 0) {
            return false;
        }
        boolean byCase = tree.children(token).stream().anyMatch(child -> tree.relation(child).equals("case")
                && sentence.tokens().get(child).word().equalsIgnoreCase("by"));
        boolean passive = tree.children(tree.head(token)).stream()
                .anyMatch(child -> tree.relation(child).equals("nsubj:pass") || tree.relation(child).equals("aux:pass"));
        return byCase && passive;
    }

    private boolean hasSubject(int predicate) {
        return tree.children(predicate).stream().anyMatch(child -> tree.relation(child).equals("nsubj"));
    }

    private static boolean isPolar(ParsedSentence sentence, int token) {
        int preterminal = sentence.preterminal(token);
        return preterminal >= 0 && Math.abs(sentence.phrases().get(preterminal).polarity()) >= POLAR_PREDICATE;
    }

    private static boolean insideQuotes(ParsedSentence sentence, int token) {
        int quotes = 0;
        for (int i = 0; i < token; i++) {
            if (StanceFeatures.isQuote(sentence.tokens().get(i).word())) {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private ActorSpan accordingTo(ActorSpan mention) {
        var tokens = sentence.tokens();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).word().equalsIgnoreCase("according") && tokens.get(i + 1).word().equalsIgnoreCase("to")) {
                for (ActorSpan actor : actors) {
                    if (actor.from() >= i + 2 && actor.from() <= i + 4 && actor != mention
                            && !actor.speaksAs().equals(mention.speaksAs())) {
                        return actor;
                    }
                }
            }
        }
        return null;
    }

    /** The actor that is the subject of a speech verb outside the quotes. */
    private ActorSpan speaker(ActorSpan mention) {
        for (int i = 0; i < sentence.size(); i++) {
            if ("speech".equals(VerbClasses.classOf(StanceFeatures.lemma(sentence.tokens().get(i))))
                    && !insideQuotes(sentence, i)) {
                ActorSpan subject = subjectActor(i, mention);
                if (subject != null) {
                    return subject;
                }
            }
        }
        return null;
    }
}
