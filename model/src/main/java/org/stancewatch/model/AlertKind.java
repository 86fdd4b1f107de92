package org.stancewatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an {@link Alert} says changed in its series. */
public enum AlertKind {
    /** the tone toward the actor moved sharply. */
    TONE,
    /** the actor's share of all mentions rose sharply (a burst of attention). */
    ATTENTION;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AlertKind fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
