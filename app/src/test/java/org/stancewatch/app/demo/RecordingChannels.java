package org.stancewatch.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.stancewatch.notify.channel.Channel;
import org.stancewatch.notify.channel.Delivery;
import org.stancewatch.notify.config.ChannelFactory;
import org.stancewatch.notify.config.ChannelSpec;

/**
 * Channels of the demo's types (atom, email) that record the ids of the notices they are given:
 * what the notifier sends, through the same seam the real channels are built by.
 */
final class RecordingChannels implements ChannelFactory {
    private final Map<String, List<String>> noticeIds = new ConcurrentHashMap<>();

    @Override
    public Set<String> types() {
        return Set.of("atom", "email");
    }

    @Override
    public Set<String> settings(String type) {
        return type.equals("atom") ? Set.of("file") : Set.of("outbox", "from", "to");
    }

    @Override
    public Channel create(ChannelSpec spec) {
        List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
        noticeIds.put(spec.name(), received);
        return new Channel() {
            @Override
            public String name() {
                return spec.name();
            }

            @Override
            public void send(Delivery delivery) {
                delivery.notices().forEach(notice -> received.add(notice.id()));
            }
        };
    }

    /** The ids of the notices the named channel was given, in order. */
    List<String> noticeIds(String channel) {
        return List.copyOf(noticeIds.getOrDefault(channel, List.of()));
    }
}
