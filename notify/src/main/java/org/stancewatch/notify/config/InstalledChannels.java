package org.stancewatch.notify.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.stancewatch.notify.channel.Channel;

/**
 * The channel types on the class path: every {@link ChannelFactory} registered with
 * {@link ServiceLoader} (a {@code META-INF/services/org.stancewatch.notify.config.ChannelFactory}
 * file naming the class), each type to the first factory that builds it. A build that registers
 * none knows no types, and every channel of {@code alerts.yml} is reported as of an unknown type.
 */
public final class InstalledChannels implements ChannelFactory {
    private final Map<String, ChannelFactory> byType = new LinkedHashMap<>();

    private InstalledChannels(List<ChannelFactory> factories) {
        for (ChannelFactory factory : factories) {
            factory.types().forEach(type -> byType.putIfAbsent(type, factory));
        }
    }

    /** The factories registered on this class path. */
    public static InstalledChannels load() {
        return new InstalledChannels(ServiceLoader.load(ChannelFactory.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** These factories, in order of preference (tests, or a program of its own). */
    public static InstalledChannels of(List<ChannelFactory> factories) {
        return new InstalledChannels(factories);
    }

    @Override
    public Set<String> types() {
        return byType.keySet();
    }

    @Override
    public Set<String> settings(String type) {
        return byType.get(type).settings(type);
    }

    @Override
    public Channel create(ChannelSpec spec) throws ChannelSettingsException {
        ChannelFactory factory = byType.get(spec.type());
        if (factory == null) {
            throw new ChannelSettingsException("type", "no channel of type '" + spec.type() + "' is installed");
        }
        return factory.create(spec);
    }
}
