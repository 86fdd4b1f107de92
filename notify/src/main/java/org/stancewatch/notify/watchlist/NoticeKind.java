package org.stancewatch.notify.watchlist;

import java.util.Locale;
import org.stancewatch.model.AlertKind;
import org.stancewatch.notify.notice.Notice;

/** What a notice is about, as a watchlist's {@code kinds} names it. */
public enum NoticeKind {
    /** a tone alert. */
    TONE,
    /** an attention (burst) alert. */
    ATTENTION,
    /** a source's change of health. */
    SOURCE;

    public static NoticeKind of(Notice notice) {
        if (notice.source() != null) {
            return SOURCE;
        }
        return notice.alert().kind() == AlertKind.ATTENTION ? ATTENTION : TONE;
    }

    /** The word used in {@code alerts.yml}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
