/**
 * The analyze job: two Kafka Streams applications in one process, and the topologies that wire
 * the stages below into them.
 *
 * <ul>
 *   <li>{@code scoring} ({@link org.stancewatch.analyze.stream.ScoringTopology}, at-least-once):
 *       articles → the stance scorer, with a deadline → mentions, a revision replacing its earlier
 *       mentions ({@link org.stancewatch.analyze.stream.scoring}).
 *   <li>{@code aggregation} ({@link org.stancewatch.analyze.stream.AggregationTopology}, exactly-once):
 *       mentions → contributions per series → hourly and daily event-time buckets
 *       ({@link org.stancewatch.analyze.stream.aggregate}), the shift detector → alerts
 *       ({@link org.stancewatch.analyze.stream.shift}), and the attention branch
 *       ({@link org.stancewatch.analyze.stream.AttentionTopology},
 *       {@link org.stancewatch.analyze.stream.attention}) → alerts.
 * </ul>
 *
 * Event time and the late mark the two applications share are in
 * {@link org.stancewatch.analyze.stream.eventtime}. Failures become dead letters
 * ({@link org.stancewatch.analyze.stream.errors}); progress, lag and metrics are in
 * {@link org.stancewatch.analyze.stream.monitor}. The stages' packages depend on none of this
 * one: it holds the job's settings and wiring. Start it with
 * {@link org.stancewatch.analyze.stream.AnalyzeJob#start}.
 */
package org.stancewatch.analyze.stream;
