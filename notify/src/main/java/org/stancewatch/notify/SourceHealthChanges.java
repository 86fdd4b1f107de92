package org.stancewatch.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.notify.ledger.HealthMark;
import org.stancewatch.notify.ledger.Ledger;
import org.stancewatch.notify.notice.Notice;

/**
 * Turns sources' statuses into notices: one when a source's health differs from the last one
 * told (kept in the ledger), recovery to OK included; a first status that is OK is no news.
 * Used by the consumer's thread only.
 */
final class SourceHealthChanges {
    private final Ledger ledger;
    private final Map<String, HealthMark> unsaved = new LinkedHashMap<>();

    SourceHealthChanges(Ledger ledger) {
        this.ledger = ledger;
    }

    Optional<Notice> noticeFor(SourceStatus status) {
        Optional<SourceHealth> last = Optional.ofNullable(unsaved.get(status.source())).map(HealthMark::health)
                .or(() -> ledger.lastHealth(status.source()));
        if (last.isPresent() && last.get() == status.health()) {
            return Optional.empty();
        }
        unsaved.put(status.source(), new HealthMark(status.source(), status.health(), status.healthSince()));
        if (last.isEmpty() && status.health() == SourceHealth.OK) {
            return Optional.empty();
        }
        return Optional.of(Notice.of(status));
    }

    /** The changes since the last call, to write to the ledger (after the notices' pending entries). */
    List<HealthMark> drain() {
        List<HealthMark> marks = new ArrayList<>(unsaved.values());
        unsaved.clear();
        return marks;
    }
}
