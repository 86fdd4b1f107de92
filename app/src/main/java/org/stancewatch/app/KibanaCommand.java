package org.stancewatch.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.stancewatch.index.IndexStage;
import org.stancewatch.index.Kibana;
import org.stancewatch.index.kibana.ImportReport;
import org.stancewatch.index.templates.IndexSetupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancewatch kibana}: Kibana's side of stancewatch. */
@Command(name = "kibana",
        mixinStandardHelpOptions = true,
        header = "Sets up Kibana for stancewatch.",
        subcommands = {KibanaCommand.Setup.class, CommandLine.HelpCommand.class})
final class KibanaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code stancewatch kibana setup}. */
    @Command(name = "setup",
            mixinStandardHelpOptions = true,
            header = "Imports stancewatch's data views, visualisations and dashboard into Kibana.",
            description = {
                "Imports the saved objects shipped with stancewatch through Kibana's saved objects API, overwriting "
                        + "earlier copies: data views for stancewatch-articles, -mentions, -stance and -alerts; Lens "
                        + "visualisations (stance over time per actor, actor x topic heat map, outlets compared, "
                        + "mention volume, holder -> target matrix, alerts with evidence); and the dashboard "
                        + "'stancewatch: stance in the news' that combines them. Run it again after an upgrade.",
                "",
                "With --indices it first installs the index templates and creates the indices and write aliases "
                        + "(as the index stage does; existing ones are kept), so the data views find their indices. "
                        + "With --wait it retries Elasticsearch and waits until Kibana's /api/status says available, "
                        + "up to the given time, before importing: the one-shot setup of docker-compose.yml uses both.",
                "",
                "Kibana needs Elasticsearch's credentials on a secured cluster: ELASTICSEARCH_API_KEY, or "
                        + "ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD; --indices reaches Elasticsearch at "
                        + "ELASTICSEARCH_URL."
            })
    static final class Setup implements Callable<Integer> {
        @Option(names = "--url", paramLabel = "URL",
                description = "Kibana's URL (default: KIBANA_URL or http://localhost:5601)")
        String url = Environment.KIBANA_URL.value();

        @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "0s",
                description = "wait up to this long (e.g. 5m) for Elasticsearch and for Kibana to be available; "
                        + "0s: try once (default: ${DEFAULT-VALUE})")
        Duration wait;

        @Option(names = "--indices",
                description = "first install the index templates and create the indices and aliases in "
                        + "Elasticsearch (ELASTICSEARCH_URL) where they are missing")
        boolean indices;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            var out = spec.commandLine().getOut();
            Instant deadline = Instant.now().plus(wait);
            if (indices) {
                installIndices(out, deadline);
            }
            if (!wait.isZero()) {
                out.println("Waiting up to " + wait.toSeconds() + " s for Kibana at " + url + " to be available ...");
                out.flush();
                new Kibana(ClusterSettings.kibana(url)).awaitAvailable(remaining(deadline));
            }
            out.println("Importing stancewatch's saved objects into Kibana at " + url + " ...");
            ImportReport report = new Kibana(ClusterSettings.kibana(url)).importSavedObjects();
            out.printf("Imported %d saved objects (overwriting earlier copies): %s%n", report.imported(),
                    describe(report));
            out.println("Open the dashboard: " + report.dashboardUrl());
            out.flush();
            return 0;
        }

        /** Installs the templates, retrying a not yet reachable Elasticsearch until the deadline. */
        private static void installIndices(java.io.PrintWriter out, Instant deadline) throws InterruptedException {
            var config = ClusterSettings.elasticsearch();
            out.println("Installing the index templates and aliases in Elasticsearch at " + config.url() + " ...");
            out.flush();
            while (true) {
                try {
                    List<String> created = IndexStage.installTemplates(config);
                    out.println("Index templates installed; indices created: " + (created.isEmpty()
                            ? "none (all existed)" : String.join(", ", created)));
                    return;
                } catch (IndexSetupException | java.io.IOException e) {
                    if (Instant.now().plusSeconds(5).isAfter(deadline)) {
                        throw new IndexSetupException("Elasticsearch at " + config.url() + " did not take the index "
                                + "templates (" + e.getMessage() + "). Is it up (docker compose ps elasticsearch)? "
                                + "Wait longer with --wait.", e);
                    }
                    out.println("Elasticsearch is not ready yet (" + e.getMessage() + "); retrying in 5 s ...");
                    out.flush();
                    Thread.sleep(5_000);
                }
            }
        }

        private static Duration remaining(Instant deadline) {
            Duration left = Duration.between(Instant.now(), deadline);
            return left.isNegative() ? Duration.ZERO : left;
        }

        private static String describe(ImportReport report) {
            StringBuilder text = new StringBuilder();
            report.byType().forEach((type, count) -> {
                if (!text.isEmpty()) {
                    text.append(", ");
                }
                text.append(count).append(' ').append(switch (type) {
                    case "index-pattern" -> count == 1 ? "data view" : "data views";
                    case "lens" -> count == 1 ? "visualisation" : "visualisations";
                    case "dashboard" -> count == 1 ? "dashboard" : "dashboards";
                    default -> type;
                });
            });
            return text.toString();
        }
    }
}
