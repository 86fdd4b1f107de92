/**
 * What the stages' Kafka clients share at run time, apart from the records and topics they carry
 * ({@code org.stancewatch.model.kafka}): the client settings of a secured cluster
 * ({@link org.stancewatch.kafka.KafkaClientProperties}), the defaults every client starts from
 * ({@link org.stancewatch.kafka.KafkaClientDefaults}), reading a topic to its end
 * ({@link org.stancewatch.kafka.KafkaTopicReader}), and the consumer loop and lifecycle of the
 * stages that are plain consumers, the indexer and the notifier
 * ({@link org.stancewatch.kafka.ConsumerStage}, {@link org.stancewatch.kafka.RunningStage},
 * {@link org.stancewatch.kafka.PartitionHolds}).
 */
package org.stancewatch.kafka;
