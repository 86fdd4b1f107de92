package org.stancewatch.analyze.stance;

import java.util.Set;

/**
 * Hand-made lemma lists for the verbs and words that carry stance in political news: conflict
 * and cooperation between actors, speech and attitude (which make the subject a holder), and
 * negation.
 */
final class VerbClasses {

    static final Set<String> CONFLICT = Set.of(
            "accuse", "attack", "assail", "blame", "block", "boycott", "challenge", "clash", "condemn", "confront",
            "criticize", "criticise", "decry", "defy", "denounce", "deplore", "deride", "dismiss", "dispute",
            "expel", "fight", "harass", "invade", "lambaste", "mock", "oppose", "protest", "punish", "rebuff",
            "rebuke", "reject", "resist", "ridicule", "sanction", "scold", "slam", "snub", "sue", "threaten",
            "undermine", "veto", "warn", "blast", "bash", "smear", "vilify", "obstruct", "impeach", "investigate",
            "indict", "charge", "arrest", "insult", "betray", "spy", "hack", "bully", "intimidate", "provoke", "chide",
            "reproach", "castigate", "censure", "admonish", "berate");

    static final Set<String> COOPERATION = Set.of(
            "agree", "ally", "applaud", "back", "commend", "congratulate", "cooperate", "defend", "embrace",
            "endorse", "help", "hail", "honor", "honour", "join", "laud", "meet", "negotiate", "partner", "praise",
            "promise", "reassure", "reconcile", "sign", "support", "thank", "trust", "welcome", "aid", "assist",
            "celebrate", "champion", "compliment", "protect", "rescue", "reward", "salute", "unite", "approve",
            "ratify", "pardon", "free", "release", "admire", "respect", "befriend");

    static final Set<String> SPEECH = Set.of(
            "say", "tell", "state", "add", "announce", "argue", "assert", "claim", "comment", "contend", "declare",
            "explain", "insist", "note", "remark", "reply", "report", "respond", "stress", "suggest", "tweet",
            "write", "acknowledge", "admit", "allege", "caution", "charge", "complain", "concede", "confirm",
            "deny", "emphasize", "emphasise", "maintain", "observe", "predict", "recall", "reiterate", "urge",
            "warn", "vow", "pledge", "ask", "call", "describe", "answer");

    static final Set<String> ATTITUDE = Set.of(
            "believe", "think", "fear", "hope", "doubt", "suspect", "worry", "want", "expect", "feel",
            "consider", "view", "see", "regard", "distrust", "mistrust", "like", "love", "hate", "dislike");

    static final Set<String> ATTITUDE_ADJECTIVES = Set.of(
            "suspicious", "wary", "skeptical", "sceptical", "critical", "supportive", "concerned", "worried",
            "angry", "furious", "hostile", "opposed", "happy", "pleased", "satisfied", "dissatisfied", "unhappy",
            "upset", "disappointed", "frustrated", "confident", "optimistic", "pessimistic", "alarmed", "fearful",
            "distrustful", "grateful", "open", "receptive", "cautious", "nervous", "irritated", "outraged");

    /**
     * Verbs by which the subject voices a judgement of the object rather than acting on it:
     * "Rasmussen condemned Russia" says something about Russia and nothing about Rasmussen, where
     * "Russia invaded Georgia" says something about both.
     */
    static final Set<String> EVALUATION = Set.of(
            "accuse", "applaud", "assail", "bash", "blame", "blast", "chide", "commend", "compliment", "condemn",
            "congratulate", "criticize", "criticise", "decry", "denounce", "deplore", "deride", "dismiss", "endorse",
            "hail", "lambaste", "laud", "mock", "praise", "rebuke", "reproach", "ridicule", "salute", "scold", "slam",
            "thank", "vilify", "welcome", "castigate", "censure", "admonish", "berate");

    static final Set<String> NEGATORS = Set.of("not", "n't", "never", "no", "nor", "neither", "without", "hardly",
            "barely", "nobody", "nothing", "none", "cannot");

    private VerbClasses() {
    }

    /** True when a subject of this predicate speaks about its object: speech, attitude, evaluation. */
    static boolean voicesAJudgement(String lemma) {
        return EVALUATION.contains(lemma) || SPEECH.contains(lemma) || ATTITUDE.contains(lemma)
                || ATTITUDE_ADJECTIVES.contains(lemma);
    }

    static String classOf(String lemma) {
        if (CONFLICT.contains(lemma)) {
            return "conflict";
        }
        if (COOPERATION.contains(lemma)) {
            return "cooperation";
        }
        if (SPEECH.contains(lemma)) {
            return "speech";
        }
        if (ATTITUDE.contains(lemma) || ATTITUDE_ADJECTIVES.contains(lemma)) {
            return "attitude";
        }
        return null;
    }
}
