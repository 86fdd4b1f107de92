package org.stancewatch.notify.config;

import java.util.Set;
import org.stancewatch.notify.channel.Channel;

/**
 * Builds the channels that {@code alerts.yml} declares: the one seam between the notifier and
 * the channel implementations. The reader checks the common keys ({@code type}, {@code digest},
 * secrets only through {@code *Env} environment variables) and unknown keys against
 * {@link #settings}; the factory checks and uses the values.
 */
public interface ChannelFactory {

    /** The channel types it builds, as written after {@code type:}. */
    Set<String> types();

    /** The setting keys a channel of this type accepts (besides {@code type} and {@code digest}). */
    Set<String> settings(String type);

    /**
     * Builds the channel. Must not send anything yet.
     *
     * @throws ChannelSettingsException when a setting's value is unusable
     */
    Channel create(ChannelSpec spec) throws ChannelSettingsException;
}
