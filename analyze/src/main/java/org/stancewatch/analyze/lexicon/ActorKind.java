package org.stancewatch.analyze.lexicon;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What sort of actor an entry of {@code actors.yml} is. */
public enum ActorKind {
    COUNTRY,
    ALLIANCE,
    INSTITUTION,
    GROUP,
    PERSON;

    @JsonValue
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ActorKind fromYaml(String value) {
        for (ActorKind kind : values()) {
            if (kind.yaml().equals(value.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + value + "' (use country, alliance, institution, group or person)");
    }
}
