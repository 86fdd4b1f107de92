package org.stancewatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way the tone moved in an {@link Alert}. */
public enum Direction {
    /** the recent tone is more negative than the baseline. */
    NEGATIVE,
    /** the recent tone is more positive than the baseline. */
    POSITIVE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Direction fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
