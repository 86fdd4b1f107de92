package org.stancewatch.notify;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.stancewatch.notify.config.AlertsConfig;
import org.stancewatch.notify.config.AlertsFile;
import org.stancewatch.notify.config.InstalledChannels;

/**
 * What a {@link Notifier} is started with: the alerts file, its channels built by the channel
 * types this build has installed. {@link AlertsConfig}, the file read and checked, is a record of
 * the stage's data contract and crosses this surface as it is.
 */
public final class NotifierSetup {
    private final InstalledChannels channels;

    private NotifierSetup(InstalledChannels channels) {
        this.channels = channels;
    }

    /** With the channel types registered on this class path. */
    public static NotifierSetup installed() {
        return new NotifierSetup(InstalledChannels.load());
    }

    /** The channel types there are to send with; none in a build that registers none. */
    public Set<String> channelTypes() {
        return channels.types();
    }

    /** The alerts file given, else {@code ./config/alerts.yml}, else the bundled one; checked. */
    public AlertsConfig alerts(Optional<Path> explicit) {
        return AlertsFile.load(explicit, channels);
    }

    /**
     * The alerts of YAML text; {@code name} says where it came from in messages, and
     * {@code environment} gives the values of the {@code ${NAME}} references in it.
     */
    public AlertsConfig alerts(String name, byte[] yaml, UnaryOperator<String> environment) {
        return AlertsFile.parse(name, yaml, environment, channels);
    }
}
