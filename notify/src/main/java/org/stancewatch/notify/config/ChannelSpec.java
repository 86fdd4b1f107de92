package org.stancewatch.notify.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A channel as {@code alerts.yml} declares it.
 *
 * @param name       its name, which watchlists refer to
 * @param type       {@code atom}, {@code webhook}, {@code email}, ... (what the {@link ChannelFactory} builds)
 * @param settings   the channel's own keys (all but {@code type} and {@code digest}), with
 *                   {@code ${VAR:-default}} in strings already replaced from the environment
 * @param maxPerHour at most this many messages in any hour, the rest sent as one digest;
 *                   {@link #NO_LIMIT} for none
 */
public record ChannelSpec(String name, String type, ObjectNode settings, int maxPerHour) {
    public static final int NO_LIMIT = 0;

    public ChannelSpec {
        settings = settings.deepCopy();
        if (maxPerHour < 0) {
            throw new IllegalArgumentException("maxPerHour must be 0 (no limit) or more, got " + maxPerHour);
        }
    }

    public boolean hasDigest() {
        return maxPerHour != NO_LIMIT;
    }
}
