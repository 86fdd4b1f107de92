package org.stancewatch.app.sources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stancewatch.ingest.IngestStage;
import org.stancewatch.ingest.source.Source;
import org.stancewatch.model.SourceStatus;
import org.stancewatch.model.json.Codecs;
import org.stancewatch.model.json.Json;

/**
 * The table of {@code stancewatch sources}: one row per source, the configured ones in the order
 * of {@code sources.yml} (those never visited say so), then any others the topic knows of.
 */
public final class SourceTable {
    static final String NOT_VISITED = "not visited yet";
    static final String UNREADABLE = "unreadable status";
    private static final String NONE = "-";

    /**
     * One row.
     *
     * @param source the source's name
     * @param outlet its outlet, if known
     * @param stored its latest record, null when never visited
     */
    public record Row(String source, String outlet, StoredStatus stored) {
        public String health() {
            if (stored == null) {
                return NOT_VISITED;
            }
            return stored.readable() ? stored.status().health().json() : UNREADABLE;
        }
    }

    private final List<Row> rows;

    private SourceTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The rows of the statuses read and the sources configured (either may be empty). */
    public static SourceTable of(Map<String, StoredStatus> statuses, List<Source> configured) {
        Map<String, StoredStatus> left = new LinkedHashMap<>(statuses);
        List<Row> rows = new ArrayList<>();
        for (Source source : configured) {
            StoredStatus stored = left.remove(source.id());
            rows.add(new Row(source.id(), outletOf(stored, IngestStage.outletOf(source.home())), stored));
        }
        new TreeMap<>(left).forEach((name, stored) -> rows.add(new Row(name, outletOf(stored, ""), stored)));
        return new SourceTable(rows);
    }

    private static String outletOf(StoredStatus stored, String fallback) {
        return stored != null && stored.readable() ? stored.status().outlet() : fallback;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The table as text, times relative to {@code now} ("3 h ago", "in 20 min"). */
    public String render(Instant now) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"SOURCE", "OUTLET", "HEALTH", "LAST SUCCESS", "LAST ARTICLE", "ARTICLES/DAY",
            "FAILURES", "NEXT VISIT", "PROBLEM"});
        for (Row row : rows) {
            SourceStatus s = row.stored() != null ? row.stored().status() : null;
            String problem = row.stored() == null ? ""
                    : s == null ? row.stored().unreadable() + " (" + row.stored().where() + ")" : s.problem();
            cells.add(new String[] {row.source(), row.outlet(), row.health(),
                s == null ? NONE : ago(s.lastSuccess(), now), s == null ? NONE : ago(s.lastArticle(), now),
                s == null ? NONE : String.format(Locale.ROOT, "%.1f", s.articlesPerDay()),
                s == null ? NONE : Long.toString(s.failures()), s == null ? NONE : ago(s.nextVisit(), now), problem});
        }
        int[] widths = new int[cells.getFirst().length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length - 1; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                out.append(i < line.length - 1 ? pad(line[i], widths[i]) + "  " : line[i]);
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** The rows as JSON: a visited source's status record, or what is known of the others. */
    public ArrayNode json() {
        ArrayNode array = Json.mapper().createArrayNode();
        for (Row row : rows) {
            ObjectNode node = array.addObject();
            node.put("source", row.source());
            node.put("outlet", row.outlet());
            node.put("health", row.health());
            if (row.stored() == null) {
                node.put("visited", false);
            } else if (row.stored().readable()) {
                node.put("visited", true);
                node.set("status", Codecs.SOURCE_STATUS.toTree(row.stored().status()));
            } else {
                node.put("unreadable", row.stored().unreadable());
                node.put("record", row.stored().where());
            }
        }
        return array;
    }

    /** "3 h ago", "in 20 min", "now", or "-" for never. */
    static String ago(Instant at, Instant now) {
        if (at == null) {
            return NONE;
        }
        Duration span = Duration.between(at, now);
        if (span.abs().toSeconds() < 60) {
            return "now";
        }
        return span.isNegative() ? "in " + IngestStage.describe(span) : IngestStage.describe(span) + " ago";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
