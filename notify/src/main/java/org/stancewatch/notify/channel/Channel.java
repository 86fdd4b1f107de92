package org.stancewatch.notify.channel;

import org.stancewatch.notify.notice.Delivery;

/**
 * Where notices go: a webhook, a mailbox, a feed. A channel renders and sends; when to send,
 * retrying, de-duplication and digests are the notifier's.
 */
public interface Channel {

    /** The channel's name in {@code alerts.yml}. */
    String name();

    /**
     * Sends one message carrying the delivery's notices (one, or several for a digest). Must be
     * safe to repeat for the same {@link Delivery#id()} (a crash between sending and recording
     * can repeat it): channels pass the id on where the receiver can de-duplicate (an
     * {@code Idempotency-Key} header, a fixed {@code Message-ID}, a feed entry's id).
     *
     * @throws DeliveryException when it was not delivered; {@link DeliveryException#retryable()}
     *                           says whether trying again later can help
     */
    void send(Delivery delivery) throws DeliveryException;
}
