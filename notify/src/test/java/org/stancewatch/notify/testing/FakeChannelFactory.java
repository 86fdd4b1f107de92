package org.stancewatch.notify.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.stancewatch.notify.channel.Channel;
import org.stancewatch.notify.config.ChannelFactory;
import org.stancewatch.notify.config.ChannelSettingsException;
import org.stancewatch.notify.config.ChannelSpec;

/**
 * Builds {@link RecordingChannel}s for the types {@code atom}, {@code webhook} and {@code email},
 * with the settings the real channels take; refuses a webhook whose url is not http(s), as a real
 * factory would refuse a bad value.
 */
public final class FakeChannelFactory implements ChannelFactory {
    private static final Map<String, Set<String>> SETTINGS = Map.of(
            "atom", Set.of("file", "title"),
            "webhook", Set.of("url", "tokenEnv"),
            "email", Set.of("host", "port", "user", "passwordEnv", "from", "to", "outbox"));

    private final Map<String, RecordingChannel> built = new HashMap<>();
    private final Map<String, RecordingChannel> prepared = new HashMap<>();

    /** Makes {@link #create} return this channel for its name (e.g. one scripted to fail). */
    public FakeChannelFactory with(RecordingChannel channel) {
        prepared.put(channel.name(), channel);
        return this;
    }

    @Override
    public Set<String> types() {
        return SETTINGS.keySet();
    }

    @Override
    public Set<String> settings(String type) {
        return SETTINGS.get(type);
    }

    @Override
    public Channel create(ChannelSpec spec) throws ChannelSettingsException {
        if (spec.type().equals("webhook") && !spec.settings().path("url").asText().startsWith("http")) {
            throw new ChannelSettingsException("url", "expected an http or https URL");
        }
        RecordingChannel channel = prepared.getOrDefault(spec.name(), new RecordingChannel(spec.name()));
        built.put(spec.name(), channel);
        return channel;
    }

    public RecordingChannel channel(String name) {
        return built.get(name);
    }
}
