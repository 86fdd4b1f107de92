package org.stancewatch.index.sink;

import java.util.function.Consumer;

/** Where the indexer sends what it cannot write: the dead-letter topic ({@link DeadLetterPublisher}). */
interface DeadLetterSink extends AutoCloseable {

    /**
     * Sends one dead letter; {@code written} runs once it is stored, {@code failed} when it could
     * not be (the caller decides whether to try again).
     */
    void publish(String key, String subject, byte[] payload, String reason, String message, Runnable written,
                 Consumer<Exception> failed);

    @Override
    void close();
}
