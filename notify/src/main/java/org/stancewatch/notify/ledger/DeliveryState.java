package org.stancewatch.notify.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one notice stands with one channel. */
public enum DeliveryState {
    /** decided, not yet accepted by the channel: delivered (again) after a restart. */
    PENDING,
    /** the channel accepted it: never sent again. */
    SENT,
    /** the channel refused it for good (a non-retryable failure): not tried again, dead-lettered. */
    FAILED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DeliveryState fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** A later state replaces an earlier one, never the other way round. */
    boolean isAfter(DeliveryState other) {
        return this != PENDING && other == PENDING;
    }
}
