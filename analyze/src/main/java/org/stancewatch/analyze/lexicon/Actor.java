package org.stancewatch.analyze.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tracked actor: a country, alliance, institution, group or person, and the words that name
 * it. All phrases are matched as whole tokens; a phrase with a capital letter must match its
 * capitals, an all-lowercase phrase matches any case.
 *
 * @param id         canonical id, e.g. {@code russia}: the {@code actor} of each mention
 * @param name       display name
 * @param kind       what sort of actor it is
 * @param aliases    its names ("Russia", "the Russian Federation", "Medvedev")
 * @param demonyms   adjectives and nouns of its people ("Russian", "Russians")
 * @param metonyms   places and things that stand for it ("the Kremlin", "Moscow")
 * @param shortForms names that count only after a full mention in the same article ("the
 *                   alliance" after NATO); a person's surname is one automatically
 * @param excludes   phrases in which a match does not count ("Washington Post")
 * @param speaksFor  for a person: the offices in which they spoke for another actor
 */
public record Actor(
        String id,
        String name,
        ActorKind kind,
        List<String> aliases,
        List<String> demonyms,
        List<String> metonyms,
        List<String> shortForms,
        List<String> excludes,
        List<Office> speaksFor) {

    public Actor {
        aliases = copy(aliases);
        demonyms = copy(demonyms);
        metonyms = copy(metonyms);
        shortForms = copy(shortForms);
        excludes = copy(excludes);
        speaksFor = speaksFor == null ? List.of() : List.copyOf(speaksFor);
    }

    /** Every phrase that names the actor on its own: aliases, demonyms and metonyms. */
    public List<String> fullForms() {
        List<String> forms = new ArrayList<>(aliases);
        forms.addAll(demonyms);
        forms.addAll(metonyms);
        return forms;
    }

    /** The actor this person spoke for in {@code year}, if any (the first office listed wins). */
    public Optional<String> speaksForIn(int year) {
        return speaksFor.stream().filter(office -> office.heldIn(year)).map(Office::actor).findFirst();
    }

    public boolean isPerson() {
        return kind == ActorKind.PERSON;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
