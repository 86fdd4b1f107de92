package org.stancewatch.analyze.lexicon;

/**
 * A term in which a person spoke for an actor: Rasmussen for {@code nato} as secretary-general
 * 2009-2014.
 *
 * @param actor the actor id the person spoke for
 * @param role  the office, for people reading the file and the charts
 * @param from  first year in office
 * @param to    last year in office (inclusive), or null while in office
 */
public record Office(String actor, String role, int from, Integer to) {

    public Office {
        role = role == null ? "" : role;
    }

    /** True when the person held the office at some time during {@code year}. */
    public boolean heldIn(int year) {
        return from <= year && (to == null || year <= to);
    }
}
