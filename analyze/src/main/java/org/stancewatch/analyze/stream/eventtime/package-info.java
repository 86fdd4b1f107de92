/**
 * Event time in the analyze job, shared by its two applications: a record's time is its
 * article's publication time ({@link org.stancewatch.analyze.stream.eventtime.PublicationTimeExtractor}),
 * and a mention of an article that came too late to count carries a mark
 * ({@link org.stancewatch.analyze.stream.eventtime.MentionHeaders}) that the scoring application
 * sets and the aggregation follows.
 */
package org.stancewatch.analyze.stream.eventtime;
