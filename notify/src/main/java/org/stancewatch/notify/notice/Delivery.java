package org.stancewatch.notify.notice;

import java.util.List;
import org.stancewatch.model.Ids;

/**
 * One message to send: a single notice, or a digest of the notices held back while a channel
 * was over its hourly limit.
 *
 * @param id      stable for the same notices: the notice's id, or a digest's id from its notices'
 * @param notices what the message tells, oldest first
 */
public record Delivery(String id, List<Notice> notices) {

    public Delivery {
        notices = List.copyOf(notices);
        if (notices.isEmpty()) {
            throw new IllegalArgumentException("a delivery carries at least one notice");
        }
    }

    public static Delivery single(Notice notice) {
        return new Delivery(notice.id(), List.of(notice));
    }

    public static Delivery digest(List<Notice> notices) {
        return notices.size() == 1 ? single(notices.get(0))
                : new Delivery(Ids.of("digest", notices.stream().map(Notice::id).toList()), notices);
    }

    public boolean isDigest() {
        return notices.size() > 1;
    }
}
