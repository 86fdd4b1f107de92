package org.stancewatch.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stancewatch} command. Each stage runs alone ({@code crawl}, {@code analyze},
 * {@code index}) or all together ({@code run}); {@code services} starts the embedded Kafka and
 * Elasticsearch.
 */
@Command(
        name = "stancewatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watches news sites and tracks the stance the press takes toward actors and topics.",
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  KAFKA_BOOTSTRAP_SERVERS  Kafka (default localhost:9092)",
            "  KAFKA_CLIENT_PROPERTIES  Kafka client properties file (SASL, TLS) for a secured cluster",
            "  ELASTICSEARCH_URL        Elasticsearch (default http://localhost:9200)",
            "  ELASTICSEARCH_API_KEY    API key for a secured Elasticsearch, or",
            "  ELASTICSEARCH_USERNAME   user and",
            "  ELASTICSEARCH_PASSWORD   password",
            "  ELASTICSEARCH_CA_CERT    PEM file of the CA of Elasticsearch's https certificate",
            "  KIBANA_URL               Kibana (default http://localhost:5601)",
            "  STANCEWATCH_HOME         data folder of the embedded services (default ./data)",
            "",
            "Run 'stancewatch help COMMAND' for a command's options."
        },
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            ServicesCommand.class,
            CrawlCommand.class,
            AnalyzeCommand.class,
            IndexCommand.class,
            NotifyCommand.class,
            TrendsCommand.class,
            AlertsCommand.class,
            ReportCommand.class,
            DlqCommand.class,
            SourcesCommand.class,
            KibanaCommand.class,
            ExtractCommand.class,
            StanceCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Stancewatch implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Stancewatch())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setCaseInsensitiveEnumValuesAllowed(true);
        // picocli would answer "notacommand --help" with the root help and exit 0: say what is wrong.
        if (args.length > 0 && !args[0].startsWith("-") && !commandLine.getSubcommands().containsKey(args[0])) {
            commandLine.getErr().printf("Unknown command '%s'. The commands are: %s%n", args[0],
                    String.join(", ", commandLine.getSubcommands().keySet()));
            return CommandLine.ExitCode.USAGE;
        }
        return commandLine.execute(args);
    }

    /** Without a subcommand, show what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
