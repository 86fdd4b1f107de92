package org.stancewatch.notify.watchlist;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stancewatch.model.Alert;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.notify.notice.Notice;

/**
 * Decides where a notice goes: the union of the channels of every watchlist it matches, each
 * channel once however many watchlists name it.
 *
 * <p>Alert filters ({@code actors}, {@code topics}, {@code holders}, {@code direction},
 * {@code minSignificance}, {@code minEvidence}) do not apply to source notices, and
 * {@code sources} does not apply to alerts; {@code kinds} and {@code outlets} apply to both.
 */
public final class NoticeMatcher {
    private final List<Watchlist> watchlists;

    public NoticeMatcher(List<Watchlist> watchlists) {
        this.watchlists = List.copyOf(watchlists);
    }

    /** The channels the notice goes to, in the order the watchlists name them; empty when none matches. */
    public Set<String> channelsFor(Notice notice) {
        Set<String> channels = new LinkedHashSet<>();
        for (Watchlist watchlist : watchlists) {
            if (matches(watchlist, notice)) {
                channels.addAll(watchlist.channels());
            }
        }
        return channels;
    }

    static boolean matches(Watchlist watchlist, Notice notice) {
        if (!anyOrContains(watchlist.kinds(), NoticeKind.of(notice))) {
            return false;
        }
        return notice.alert() != null ? matchesAlert(watchlist, notice.alert()) : matchesSource(watchlist, notice.source());
    }

    private static boolean matchesAlert(Watchlist w, Alert alert) {
        return anyOrContains(w.actors(), alert.actor())
                && anyOrContains(w.topics(), alert.topic())
                && anyOrContains(w.outlets(), alert.outlet())
                && anyOrContains(w.holders(), alert.holder())
                && (w.direction() == null || w.direction() == alert.direction())
                && Math.abs(alert.significance()) >= w.minSignificance() // signed: negative for a fall
                && alert.recentCount() >= w.minEvidence();
    }

    private static boolean matchesSource(Watchlist w, SourceStatus status) {
        return anyOrContains(w.sources(), status.source()) && anyOrContains(w.outlets(), status.outlet());
    }

    private static <T> boolean anyOrContains(Collection<T> allowed, T value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}
