package org.stancewatch.app;

import java.util.concurrent.Callable;
import org.stancewatch.index.kibana.ImportReport;
import org.stancewatch.index.kibana.KibanaSetup;
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
                "Kibana needs Elasticsearch's credentials on a secured cluster: ELASTICSEARCH_API_KEY, or "
                        + "ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD."
            })
    static final class Setup implements Callable<Integer> {
        @Option(names = "--url", paramLabel = "URL",
                description = "Kibana's URL (default: KIBANA_URL or http://localhost:5601)")
        String url = Environment.KIBANA_URL.value();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.println("Importing stancewatch's saved objects into Kibana at " + url + " ...");
            ImportReport report = new KibanaSetup(ClusterSettings.kibana(url)).importSavedObjects();
            out.printf("Imported %d saved objects (overwriting earlier copies): %s%n", report.imported(),
                    describe(report));
            out.println("Open the dashboard: " + report.dashboardUrl());
            out.flush();
            return 0;
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
