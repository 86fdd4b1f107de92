/**
 * The analyze job: two Kafka Streams applications in one process.
 *
 * <ul>
 *   <li>{@code scoring} ({@link org.stancewatch.analyze.stream.scoring}, at-least-once): articles →
 *       the stance scorer, with a deadline → mentions, a revision replacing its earlier mentions.
 *   <li>{@code aggregation} ({@link org.stancewatch.analyze.stream.aggregate} and
 *       {@link org.stancewatch.analyze.stream.shift}, exactly-once): mentions → contributions per
 *       series → hourly and daily event-time buckets, and the shift detector → alerts.
 * </ul>
 *
 * Failures become dead letters ({@link org.stancewatch.analyze.stream.errors}); progress, lag and
 * metrics are in {@link org.stancewatch.analyze.stream.monitor}. Start it with
 * {@link org.stancewatch.analyze.stream.AnalyzeJob#start}.
 */
package org.stancewatch.analyze.stream;
