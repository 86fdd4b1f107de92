package org.stancewatch.app;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancewatch.index.Trends;
import org.stancewatch.index.trends.Interval;
import org.stancewatch.index.trends.OutletStance;
import org.stancewatch.index.trends.SeriesQuery;
import org.stancewatch.index.trends.StanceSeries;
import org.stancewatch.model.Evidence;
import org.stancewatch.model.json.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch trends}: stance toward an actor over time, from Elasticsearch. */
@Command(name = "trends",
        mixinStandardHelpOptions = true,
        header = "Shows the stance the press takes toward an actor over time.",
        description = {
            "Aggregates the indexed mentions of an actor per day, week or month: the number of mentions, the mean "
                    + "stance score in [-1, 1] (negative = hostile, positive = cooperative) with its 95% confidence "
                    + "interval, and the negative / neutral / positive counts, as a table with a sparkline or as JSON. "
                    + "Syndicated copies count once, where the article first appeared.",
            "",
            "Examples:",
            "  stancewatch trends --actor russia",
            "  stancewatch trends --actor russia --topic missile-defense --interval month --from 2010 --to 2013",
            "  stancewatch trends --actor us --holder russia --outlets --evidence 2",
            "",
            "Uses ELASTICSEARCH_URL (and its credentials)."
        })
final class TrendsCommand implements Callable<Integer> {

    @Option(names = "--actor", required = true, paramLabel = "ID", description = "actor id, e.g. russia, nato")
    String actor;

    @Option(names = "--topic", paramLabel = "ID", description = "only mentions about this topic, e.g. missile-defense")
    String topic;

    @Option(names = "--outlet", paramLabel = "DOMAIN", description = "only this outlet, e.g. example.com")
    String outlet;

    @ArgGroup(exclusive = true)
    Voice voice;

    static final class Voice {
        @Option(names = "--holder", paramLabel = "ID",
                description = "only stance held by this actor (e.g. nato, quoted by the press)")
        String holder;

        @Option(names = "--own-voice", description = "only the outlets' own voice (no one quoted)")
        boolean ownVoice;
    }

    @Option(names = "--interval", paramLabel = "UNIT", defaultValue = "week",
            description = "bucket width: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Interval interval;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "first time, inclusive: 2011, 2011-03, 2011-03-17 or an ISO time (UTC)")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "last time, exclusive (same forms as --from)")
    Instant to;

    @Option(names = "--outlets", description = "also compare the outlets' mean stance toward the actor")
    boolean outlets;

    @Option(names = "--evidence", paramLabel = "N", defaultValue = "0",
            description = "also print the N strongest sentences of each bucket, with outlet and URL")
    int evidence;

    @Option(names = "--include-copies", description = "count syndicated copies in every outlet that ran them")
    boolean includeCopies;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String holder = voice == null ? null : voice.ownVoice ? SeriesQuery.OUTLET_VOICE : voice.holder;
        SeriesQuery query = new SeriesQuery(actor, topic, outlet, holder, interval, from, to, includeCopies);
        try (Trends trends = Trends.open(ClusterSettings.elasticsearch())) {
            StanceSeries series = trends.stanceOverTime(query);
            List<OutletStance> compared = outlets ? trends.outlets(query) : null;
            Map<Instant, List<Evidence>> sentences = evidence > 0 ? trends.evidence(query, series, evidence) : Map.of();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("series", series);
                if (compared != null) {
                    out.put("outlets", compared);
                }
                if (evidence > 0) {
                    out.put("evidence", sentences);
                }
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
                return 0;
            }
            System.out.print(Trends.table(series));
            if (compared != null) {
                System.out.println();
                System.out.print(Trends.outletTable(actor, compared));
            }
            sentences.forEach((start, list) -> {
                System.out.println();
                System.out.println("Evidence, " + start.toString().substring(0, 10) + ":");
                list.forEach(e -> System.out.printf("  %+.2f  %s%n         %s  %s%n", e.score(), e.sentence(), e.outlet(),
                        e.url()));
            });
            return 0;
        }
    }
}
