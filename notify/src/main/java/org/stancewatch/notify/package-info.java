/**
 * Tells people about alerts: a consumer group on the alerts and sources topics that matches each
 * {@link org.stancewatch.notify.notice.Notice} against the watchlists of {@code config/alerts.yml} and
 * delivers it through its channels (webhook, e-mail, Atom feed), at least once and, by the ledger
 * on {@code stancewatch.notify-ledger}, never twice.
 */
package org.stancewatch.notify;
