/**
 * {@code alerts.yml} read, checked and built: its watchlists, and its channels made by a
 * {@link org.stancewatch.notify.config.ChannelFactory} from their declarations
 * ({@link org.stancewatch.notify.config.ChannelSpec}). The factories on the class path are
 * {@link org.stancewatch.notify.config.InstalledChannels}; the types stancewatch ships (atom,
 * webhook, email) are {@link org.stancewatch.notify.config.StandardChannels}, which turns each
 * channel's keys into its settings record. Every mistake of the file is an
 * {@link org.stancewatch.notify.config.AlertsConfigException} with its file and line.
 */
package org.stancewatch.notify.config;
