package org.stancewatch.notify.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.stancewatch.notify.channel.Channel;
import org.stancewatch.notify.channel.DeliveryException;
import org.stancewatch.notify.notice.Delivery;

/**
 * A channel that records what it is given, like a receiver that honours the delivery id
 * (Idempotency-Key): {@link #accepted()} holds each delivery id once, {@link #attempts()} every
 * call. Optionally scripted to fail.
 */
public final class RecordingChannel implements Channel {
    private final String name;
    private final Map<String, Delivery> accepted = new LinkedHashMap<>();
    private final List<String> attempts = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Function<Integer, DeliveryException> failure = call -> null;

    public RecordingChannel(String name) {
        this.name = name;
    }

    /** Fails the given (1-based) calls with the exception the function returns; null lets a call through. */
    public RecordingChannel failing(Function<Integer, DeliveryException> byCall) {
        this.failure = byCall;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void send(Delivery delivery) throws DeliveryException {
        attempts.add(delivery.id());
        DeliveryException e = failure.apply(calls.incrementAndGet());
        if (e != null) {
            throw e;
        }
        accepted.putIfAbsent(delivery.id(), delivery);
    }

    public synchronized List<Delivery> accepted() {
        return List.copyOf(accepted.values());
    }

    /** The ids of every notice in every accepted delivery (a notice accepted twice appears twice). */
    public synchronized List<String> acceptedNoticeIds() {
        return accepted.values().stream().flatMap(d -> d.notices().stream()).map(n -> n.id()).toList();
    }

    public synchronized List<String> attempts() {
        return List.copyOf(attempts);
    }
}
