package org.stancewatch.notify.render;

import static org.stancewatch.notify.render.Figures.plural;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stancewatch.model.Alert;
import org.stancewatch.model.AlertKind;
import org.stancewatch.model.Direction;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.StanceBucket;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

/**
 * The plain-text form of a delivery, short enough to read in twenty seconds: a subject line, one
 * sentence per notice with its figures, and the evidence sentences with where to read them.
 */
public final class NoticeText {
    /** Evidence sentences longer than this are cut (with an ellipsis): the link has the rest. */
    static final int MAX_SENTENCE_CHARS = 280;

    private NoticeText() {}

    /** The subject (e-mail) or title (feed entry): a notice's headline, or a digest's count. */
    public static String subject(Delivery delivery) {
        if (!delivery.isDigest()) {
            return headline(delivery.notices().get(0));
        }
        long tone = count(delivery, AlertKind.TONE);
        long attention = count(delivery, AlertKind.ATTENTION);
        long sources = delivery.notices().stream().filter(notice -> notice.source() != null).count();
        List<String> parts = new ArrayList<>();
        if (tone > 0) {
            parts.add(plural(tone, "tone alert"));
        }
        if (attention > 0) {
            parts.add(plural(attention, "attention burst"));
        }
        if (sources > 0) {
            parts.add(plural(sources, "source change"));
        }
        return delivery.notices().size() + " stancewatch notices: " + String.join(", ", parts);
    }

    /** What happened, in a few words: {@code Tone toward russia on all topics in nytimes.com turned negative: -0.42}. */
    public static String headline(Notice notice) {
        if (notice.source() != null) {
            return sourceHeadline(notice.source());
        }
        Alert alert = notice.alert();
        return alert.kind() == AlertKind.ATTENTION ? attentionHeadline(alert) : toneHeadline(alert);
    }

    /** The headline with the figures behind it (baseline, recent window, counts, significance). */
    public static String summary(Notice notice) {
        if (notice.source() != null) {
            return sourceHeadline(notice.source());
        }
        Alert alert = notice.alert();
        String baseline = alert.kind() == AlertKind.ATTENTION
                ? "baseline " + Figures.span(alert.baselineStart(), alert.windowStart())
                : "baseline " + Figures.score(alert.baselineMean()) + " over "
                        + Figures.span(alert.baselineStart(), alert.windowStart());
        return headline(notice) + " (" + baseline + ", " + plural(alert.baselineCount(), "mention")
                + "; recent " + Figures.span(alert.windowStart(), alert.windowEnd()) + ", "
                + plural(alert.recentCount(), "mention") + ", z = " + Figures.significance(alert.significance()) + ")";
    }

    /** The body: for one notice its summary, window and evidence; for a digest each notice briefly. */
    public static String body(Delivery delivery) {
        StringBuilder text = new StringBuilder();
        if (delivery.isDigest()) {
            text.append(subject(delivery)).append(".\n");
            int number = 1;
            for (Notice notice : delivery.notices()) {
                text.append('\n').append(number++).append(". ").append(summary(notice)).append('\n');
                briefDetail(notice).ifPresent(line -> text.append("   ").append(line).append('\n'));
            }
        } else {
            Notice notice = delivery.notices().get(0);
            text.append(summary(notice)).append(".\n\n");
            if (notice.alert() != null) {
                appendAlertDetail(text, notice.alert());
            } else {
                appendSourceDetail(text, notice.source());
            }
        }
        return text.toString();
    }

    /** An evidence sentence on one line, cut to {@link #MAX_SENTENCE_CHARS}. */
    public static String sentence(Evidence evidence) {
        String flat = evidence.sentence().strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_SENTENCE_CHARS ? flat : flat.substring(0, MAX_SENTENCE_CHARS - 1).stripTrailing() + "…";
    }

    /** {@code nytimes.com, 2011-03-02, -0.71}: where and when a piece of evidence appeared, and its score. */
    public static String evidenceSource(Evidence evidence) {
        String outlet = evidence.outlet() == null || evidence.outlet().isBlank() ? "" : evidence.outlet() + ", ";
        return outlet + Figures.day(evidence.publishedAt()) + ", " + Figures.score(evidence.score());
    }

    /** What a source's change of health means, one line, for the body and the feed. */
    public static String sourceDetail(SourceStatus status) {
        List<String> facts = new ArrayList<>();
        facts.add("since " + Figures.minute(status.healthSince()));
        facts.add(status.lastArticle() == null ? "no article yet" : "last new article " + Figures.minute(status.lastArticle()));
        facts.add(String.format(Locale.ROOT, "%.1f articles a day", status.articlesPerDay()));
        if (status.failures() > 0) {
            facts.add(plural(status.failures(), "failure") + " in recent visits");
        }
        if (status.deadLetters() > 0) {
            facts.add(plural(status.deadLetters(), "dead letter"));
        }
        if (status.nextVisit() != null) {
            facts.add("next visit " + Figures.minute(status.nextVisit()));
        }
        return String.join("; ", facts);
    }

    private static String toneHeadline(Alert alert) {
        String whose = StanceBucket.ALL.equals(alert.holder()) ? "Tone toward " : "Tone of " + alert.holder() + " toward ";
        return whose + Figures.series(alert) + " " + toneMove(alert) + ": " + Figures.score(alert.recentMean());
    }

    /** "turned negative" when the tone crossed (or left) zero that way, else "grew more negative". */
    private static String toneMove(Alert alert) {
        String way = alert.direction() == Direction.NEGATIVE ? "negative" : "positive";
        int side = alert.direction() == Direction.NEGATIVE ? -1 : 1;
        boolean crossed = Math.signum(alert.recentMean()) == side && Math.signum(alert.baselineMean()) != side;
        return crossed ? "turned " + way : "grew more " + way;
    }

    private static String attentionHeadline(Alert alert) {
        String moved = alert.direction() == Direction.POSITIVE ? "rose" : "fell";
        String holder = StanceBucket.ALL.equals(alert.holder()) ? "" : " (stances held by " + alert.holder() + ")";
        return "Attention burst: " + Figures.series(alert) + holder + ", share of mentions " + moved + " from "
                + Figures.share(alert.baselineMean()) + " to " + Figures.share(alert.recentMean());
    }

    private static String sourceHeadline(SourceStatus status) {
        String source = "Source " + status.source() + (status.outlet().isBlank() ? "" : " (" + status.outlet() + ")");
        if (status.health() == SourceHealth.OK) {
            return source + " has recovered and works as usual again";
        }
        String problem = status.problem().isBlank() ? "" : ": " + status.problem().strip();
        return source + " " + state(status.health()) + problem;
    }

    private static String state(SourceHealth health) {
        return switch (health) {
            case SILENT -> "is silent";
            case FAILING -> "is failing";
            case ROBOTS_DISALLOWED -> "is disallowed by its robots.txt";
            case DISCOVERY_GONE -> "lost its feed, sitemap or section page";
            case BLOCKED -> "is blocked by a bot challenge or consent wall";
            case OK -> "works as usual";
        };
    }

    /** {@code Recent window 2011-03-01 to 2011-03-08, baseline from 2011-01-30; detected 2011-03-08 02:00 UTC}. */
    public static String windows(Alert alert) {
        return "Recent window " + Figures.day(alert.windowStart()) + " to " + Figures.day(alert.windowEnd())
                + ", baseline from " + Figures.day(alert.baselineStart()) + "; detected " + Figures.minute(alert.detectedAt());
    }

    private static void appendAlertDetail(StringBuilder text, Alert alert) {
        text.append(windows(alert)).append(".\n");
        if (alert.evidence().isEmpty()) {
            return;
        }
        text.append("\nEvidence:\n");
        for (Evidence evidence : alert.evidence()) {
            text.append("- ").append(evidenceSource(evidence)).append(": \"").append(sentence(evidence)).append("\"\n")
                    .append("  ").append(evidence.url()).append('\n');
        }
    }

    private static void appendSourceDetail(StringBuilder text, SourceStatus status) {
        text.append(capitalised(sourceDetail(status))).append(".\n");
        if (status.health() != SourceHealth.OK) {
            text.append("\nSee `stancewatch sources` for every source's state; fix or remove the source in sources.yml.\n");
        }
    }

    private static Optional<String> briefDetail(Notice notice) {
        if (notice.alert() != null) {
            return notice.alert().evidence().stream().findFirst()
                    .map(evidence -> "e.g. " + evidenceSource(evidence) + ": " + evidence.url());
        }
        return Optional.of(sourceDetail(notice.source()));
    }

    private static long count(Delivery delivery, AlertKind kind) {
        return delivery.notices().stream().filter(notice -> notice.alert() != null && notice.alert().kind() == kind).count();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
