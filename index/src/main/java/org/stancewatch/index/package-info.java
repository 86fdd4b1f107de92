/**
 * The index stage: Elasticsearch index templates ({@code templates}), the indexer that writes the
 * pipeline's topics into Elasticsearch ({@code sink}), trend and alert queries ({@code trends}),
 * Kibana saved objects ({@code kibana}), and the client built from a config ({@code connect}).
 */
package org.stancewatch.index;
