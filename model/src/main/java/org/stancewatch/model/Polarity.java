package org.stancewatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The class of a stance score: negative, neutral or positive. */
public enum Polarity {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Polarity fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
