package org.stancewatch.app.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stancewatch.ingest.check.ArticleProbe;
import org.stancewatch.ingest.check.ListingProbe;
import org.stancewatch.ingest.check.RobotsVerdict;
import org.stancewatch.ingest.check.SourceCheckReport;

/**
 * The text of {@code stancewatch sources check}: a block per source as its check ends (what
 * each listing and the article answered), then a table of all verdicts and a count.
 */
public final class CheckReportText {
    private static final String NONE = "-";

    private CheckReportText() {}

    /**
     * One source's block: the verdict line, a line per listing and one for the article.
     *
     * @param position "2/13", shown while checks run
     */
    public static String block(SourceCheckReport report, String position) {
        StringBuilder text = new StringBuilder();
        text.append('[').append(position).append("] ").append(report.source())
                .append(report.name().equals(report.source()) ? "" : " (" + report.name() + ")")
                .append(": ").append(report.verdict())
                .append(String.format(Locale.ROOT, "  %.1f s%n", report.took().toMillis() / 1000.0));
        List<String[]> lines = new ArrayList<>();
        for (ListingProbe listing : report.listings()) {
            lines.add(new String[] {listing.kind(), status(listing.status()), robots(listing.robots()),
                items(listing), listing.url().toString()});
        }
        ArticleProbe article = report.article();
        if (article != null) {
            lines.add(new String[] {"article", status(article.status()), robots(article.robots()), read(article),
                article.url().toString()});
        }
        for (String line : columns(lines)) {
            text.append("  ").append(line).append('\n');
        }
        // problems the verdict's reason does not already tell
        for (ListingProbe listing : report.listings()) {
            if (!listing.problem().isEmpty() && !report.reason().contains(listing.problem())) {
                text.append("  ! ").append(listing.url()).append(": ").append(listing.problem()).append('\n');
            }
        }
        if (article != null && !article.problem().isEmpty() && !report.reason().contains(article.problem())) {
            text.append("  ! ").append(article.url()).append(": ").append(article.problem()).append('\n');
        }
        text.append("  ").append(report.verdict()).append(": ").append(report.reason()).append('\n');
        return text.toString();
    }

    /** The table of every source's verdict, then a count of the verdicts. */
    public static String summary(List<SourceCheckReport> reports) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"SOURCE", "VERDICT", "LISTINGS OK", "ITEMS", "ARTICLES", "ARTICLE", "REASON"});
        Map<String, Integer> counts = new TreeMap<>();
        for (SourceCheckReport report : reports) {
            long readable = report.listings().stream().filter(ListingProbe::read).count();
            int found = report.listings().stream().filter(l -> !l.index()).mapToInt(ListingProbe::found).sum();
            int accepted = report.listings().stream().mapToInt(ListingProbe::accepted).sum();
            boolean visited = !report.listings().isEmpty();
            lines.add(new String[] {report.source(), report.verdict().name(),
                visited ? readable + "/" + report.listings().size() : NONE, visited ? Integer.toString(found) : NONE,
                visited ? Integer.toString(accepted) : NONE,
                report.article() != null && report.article().extracted() ? report.article().words() + " words" : NONE,
                report.reason()});
            counts.merge(report.verdict().name(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        columns(lines).forEach(line -> text.append(line).append('\n'));
        StringBuilder tally = new StringBuilder();
        counts.forEach((verdict, n) -> tally.append(tally.isEmpty() ? "" : ", ").append(n).append(' ').append(verdict));
        text.append('\n').append(reports.size()).append(" sources: ").append(tally).append('\n');
        return text.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String status(int status) {
        return status == 0 ? "---" : Integer.toString(status);
    }

    private static String robots(RobotsVerdict verdict) {
        return "robots " + verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String items(ListingProbe listing) {
        if (!listing.read()) {
            return listing.failure().isEmpty() ? "not read" : listing.failure();
        }
        if (listing.index()) {
            return "index of " + listing.found() + " sitemaps";
        }
        return count(listing.found(), "item") + ", " + count(listing.accepted(), "article");
    }

    private static String read(ArticleProbe article) {
        if (!article.extracted()) {
            return article.failure();
        }
        String date = article.published() == null ? "no date"
                : article.published().toString().substring(0, 10) + " (" + article.dateSource() + ")";
        String title = article.title().length() > 60 ? article.title().substring(0, 57) + "..." : article.title();
        return "\"" + title + "\", " + date + ", " + article.words() + " words";
    }

    /** Pads every column but the last to its widest cell. */
    private static List<String> columns(List<String[]> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        int[] widths = new int[lines.getFirst().length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length - 1; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] line : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                row.append(i < line.length - 1 ? line[i] + " ".repeat(widths[i] - line[i].length() + 2) : line[i]);
            }
            out.add(row.toString().stripTrailing());
        }
        return out;
    }
}
