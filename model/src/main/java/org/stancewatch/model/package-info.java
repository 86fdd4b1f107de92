/**
 * The records that flow between the stages (docs/data-contracts.md), their JSON form,
 * their Kafka serdes and the topics that carry them.
 *
 * <p>Each record is an immutable Java record. Its JSON form carries a {@code schemaVersion}; a
 * reader refuses a version it does not know instead of guessing (see {@link
 * org.stancewatch.model.json.RecordCodec}).
 */
package org.stancewatch.model;
