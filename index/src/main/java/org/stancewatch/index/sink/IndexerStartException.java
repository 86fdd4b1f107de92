package org.stancewatch.index.sink;

/** The indexer could not start: Elasticsearch or Kafka unreachable, or the templates refused. */
public class IndexerStartException extends RuntimeException {
    public IndexerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
