package org.stancewatch.notify.config;

import org.stancewatch.notify.channel.Channel;

/** A channel built from {@code alerts.yml}, with the declaration it came from. */
public record ConfiguredChannel(ChannelSpec spec, Channel channel) {}
