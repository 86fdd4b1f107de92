package org.stancewatch.notify.config;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.stancewatch.notify.watchlist.Watchlist;

/**
 * A checked {@code alerts.yml}: its channels, built, and its watchlists, each of which names
 * channels among them.
 *
 * @param file       where it was read from, for messages
 * @param channels   the channels, in the file's order
 * @param watchlists the watchlists, in the file's order
 */
public record AlertsConfig(String file, List<ConfiguredChannel> channels, List<Watchlist> watchlists) {

    public AlertsConfig {
        channels = List.copyOf(channels);
        watchlists = List.copyOf(watchlists);
        Set<String> names = channels.stream().map(c -> c.spec().name()).collect(Collectors.toSet());
        for (Watchlist watchlist : watchlists) {
            if (!names.containsAll(watchlist.channels())) {
                throw new IllegalArgumentException("watchlist " + watchlist.name() + " names a channel that is not declared");
            }
        }
    }
}
