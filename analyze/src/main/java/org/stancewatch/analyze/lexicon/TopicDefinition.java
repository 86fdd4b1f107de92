package org.stancewatch.analyze.lexicon;

import java.util.List;

/**
 * A tracked topic and the phrases that signal it.
 *
 * @param id              topic id, e.g. {@code missile-defense}: the value in each mention's topics
 * @param name            display name
 * @param patterns        phrases matched case-insensitively as whole tokens; a trailing {@code *}
 *                        on a word matches any ending ("sanction*": sanctions, sanctioned)
 * @param requiresActors  when not empty, a pattern counts only in an article that mentions one of
 *                        these actors (for ambiguous words such as "reset")
 * @param impliedByActors actors whose mention alone puts a sentence on this topic ({@code gadhafi}
 *                        for {@code libya})
 */
public record TopicDefinition(
        String id,
        String name,
        List<String> patterns,
        List<String> requiresActors,
        List<String> impliedByActors) {

    public TopicDefinition {
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        requiresActors = requiresActors == null ? List.of() : List.copyOf(requiresActors);
        impliedByActors = impliedByActors == null ? List.of() : List.copyOf(impliedByActors);
    }
}
