/**
 * What the notifier tells, the values every other package of notify shares: a
 * {@link org.stancewatch.notify.notice.Notice} (an alert, or a source's change of health) and the
 * {@link org.stancewatch.notify.notice.Delivery} that carries one notice, or a digest of several,
 * to a channel. Plain records that depend on nothing else of notify.
 */
package org.stancewatch.notify.notice;
