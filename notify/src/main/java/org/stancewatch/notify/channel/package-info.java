/**
 * The channels notices go out through, each behind {@link org.stancewatch.notify.channel.Channel}:
 * {@link org.stancewatch.notify.channel.WebhookChannel} (JSON or Slack/Mattermost),
 * {@link org.stancewatch.notify.channel.EmailChannel} (SMTP or an outbox folder) and
 * {@link org.stancewatch.notify.channel.AtomFeedChannel} (a feed file, served by
 * {@link org.stancewatch.notify.channel.FeedServer}), with a settings record each. Every channel
 * passes the delivery's id on where the receiver can recognise a repeat, and reports a failure as
 * a {@link org.stancewatch.notify.channel.DeliveryException} that says whether retrying can help.
 * The channels know nothing of {@code alerts.yml}: {@link org.stancewatch.notify.config} builds
 * them from their settings records.
 */
package org.stancewatch.notify.channel;
