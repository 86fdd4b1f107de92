/**
 * Tells people about alerts: a consumer group on the alerts and sources topics that matches each
 * {@link org.stancewatch.notify.notice.Notice} against the watchlists of {@code config/alerts.yml} and
 * delivers it through its channels (webhook, e-mail, Atom feed), at least once and, by the ledger
 * on {@code stancewatch.notify-ledger}, never twice.
 *
 * <p>Each package uses only those below it: {@code notice}, the values they all share; then
 * {@code watchlist}, {@code render} and {@code ledger}; {@code channel}, which sends what
 * {@code render} writes; {@code config}, which reads {@code alerts.yml} and builds the channels
 * and watchlists; {@code dispatch}, a worker per channel. This package is the top: the facade
 * {@code app} starts ({@link org.stancewatch.notify.Notifier}, {@link org.stancewatch.notify.NotifierSetup})
 * and the consumer loop that wires the rest together.
 */
package org.stancewatch.notify;
