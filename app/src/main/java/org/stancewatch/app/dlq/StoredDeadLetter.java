package org.stancewatch.app.dlq;

import java.util.Optional;
import org.stancewatch.model.DeadLetter;

/**
 * A dead letter as it sits on its topic.
 *
 * @param key    the record's key: the failed record's own key, or the failed URL
 * @param letter the dead letter
 * @param where  {@code topic-partition@offset} of the dead letter itself
 */
public record StoredDeadLetter(String key, DeadLetter letter, String where) {

    /**
     * The topic the failed record came from, when the subject names one ({@code
     * topic-partition@offset}); empty for a URL (ingest) or a punctuation.
     */
    public Optional<String> sourceTopic() {
        String subject = letter.subject();
        int at = subject.lastIndexOf('@');
        if (at < 0 || subject.contains("://")) {
            return Optional.empty();
        }
        int dash = subject.lastIndexOf('-', at);
        if (dash <= 0 || !subject.substring(dash + 1, at).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(subject.substring(0, dash));
    }

    /** True when the payload was cut to fit the dead letter, so it is not the whole record. */
    public boolean payloadCut() {
        return letter.payload() != null && letter.payload().length() >= DeadLetter.MAX_PAYLOAD_CHARS - 1;
    }
}
