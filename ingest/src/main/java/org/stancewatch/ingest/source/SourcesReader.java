package org.stancewatch.ingest.source;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.stancewatch.config.ConfigProblem;
import org.stancewatch.config.Quantities;
import org.stancewatch.config.Suggestions;
import org.stancewatch.config.YamlTree;

/**
 * Reads and validates {@code sources.yml}. Every problem is collected with its file, line and
 * field before anything is reported, so one run shows them all. Unknown fields are errors (a
 * misspelt {@code intervall} would otherwise be silently ignored), with a suggestion.
 *
 * <p>The format, with every key and its default, is the shipped {@code config/sources.yml}.
 */
final class SourcesReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Set<String> TOP_FIELDS = Set.of("crawler", "defaults", "sources");
    private static final Set<String> CRAWLER_FIELDS = Set.of("userAgent", "connectTimeout", "readTimeout",
            "fetchTimeout", "maxBodySize", "maxRedirects", "revisitFor", "maxCrawlDelay", "maxRetryAfter",
            "parallelSources", "stateRetention", "health", "from");
    private static final Set<String> HEALTH_FIELDS = Set.of("silentAfter", "silentAtLeast", "learnGaps",
            "failingVisits", "failingShare", "failingMinFetches", "deadLetterJump", "deadLetterFactor",
            "goneAfterVisits", "window");
    private static final Set<String> DEFAULT_FIELDS = Set.of("interval", "language", "rate", "maxArticlesPerRun");
    private static final Set<String> SOURCE_FIELDS = Set.of("id", "name", "home", "feeds", "sitemaps", "sections",
            "interval", "articles", "language", "rate", "allowPrivateAddresses", "maxArticlesPerRun", "disabled");
    private static final Set<String> ARTICLE_FIELDS = Set.of("allow", "deny");
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final double MAX_RATE = 100;

    private final String file;
    private final YamlTree tree;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private SourcesReader(String file, YamlTree tree) {
        this.file = file;
        this.tree = tree;
    }

    /** Reads the file's bytes; {@code file} names it in messages. */
    static Sources read(String file, byte[] yaml) {
        YamlTree tree;
        try {
            tree = YamlTree.parse(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            throw new SourcesException(List.of(new ConfigProblem(file, line, "",
                    "not valid YAML: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new SourcesException(List.of(new ConfigProblem(file, 0, "", "cannot read: " + e.getMessage())));
        }
        return new SourcesReader(file, tree).read();
    }

    private Sources read() {
        JsonNode root = tree.root();
        if (!root.isObject()) {
            problem(JsonPointer.empty(), "", "expected a mapping with 'sources:' (and optionally 'crawler:' and 'defaults:')");
            throw new SourcesException(problems);
        }
        unknownFields(root, JsonPointer.empty(), TOP_FIELDS);
        CrawlSettings settings = crawler(root.path("crawler"), JsonPointer.compile("/crawler"));
        Defaults defaults = defaults(root.path("defaults"), JsonPointer.compile("/defaults"));
        List<Source> sources = new ArrayList<>();
        List<DisabledSource> disabled = new ArrayList<>();
        JsonNode list = root.path("sources");
        JsonPointer listPointer = JsonPointer.compile("/sources");
        if (!list.isArray() || list.isEmpty()) {
            problem(listPointer, "sources", "expected a list of at least one source");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Source source = source(list.get(i), listPointer.appendIndex(i), "sources[" + i + "]", defaults);
                if (source != null && !ids.add(source.id())) {
                    problem(listPointer.appendIndex(i).appendProperty("id"), "sources[" + i + "].id",
                            "duplicate id '" + source.id() + "': each source needs its own");
                }
                String reason = disabledReason(list.get(i), listPointer.appendIndex(i), "sources[" + i + "]");
                if (source != null && reason != null) {
                    disabled.add(new DisabledSource(source, reason));
                } else if (source != null) {
                    sources.add(source);
                }
            }
        }
        if (sources.isEmpty() && !disabled.isEmpty()) {
            problem(listPointer, "sources", "every source is disabled: nothing would be crawled");
        }
        if (!problems.isEmpty()) {
            throw new SourcesException(problems);
        }
        return new Sources(file, settings, sources, disabled);
    }

    private record Defaults(Duration interval, String language, double rate, int maxArticlesPerRun) {}

    private Defaults defaults(JsonNode node, JsonPointer at) {
        Defaults builtIn = new Defaults(Duration.ofMinutes(30), "en", 1.0, 100);
        if (node.isMissingNode() || node.isNull()) {
            return builtIn;
        }
        if (!node.isObject()) {
            problem(at, "defaults", "expected a mapping");
            return builtIn;
        }
        unknownFields(node, at, DEFAULT_FIELDS);
        return new Defaults(
                interval(node, at, "defaults", builtIn.interval()),
                language(node, at, "defaults", builtIn.language()),
                rate(node, at, "defaults", builtIn.rate()),
                positiveInt(node, at, "defaults", "maxArticlesPerRun", builtIn.maxArticlesPerRun()));
    }

    private CrawlSettings crawler(JsonNode node, JsonPointer at) {
        CrawlSettings d = CrawlSettings.defaults();
        if (node.isMissingNode() || node.isNull()) {
            return d.withFrom(from(node, at));
        }
        if (!node.isObject()) {
            problem(at, "crawler", "expected a mapping");
            return d;
        }
        unknownFields(node, at, CRAWLER_FIELDS);
        String userAgent = string(node, at, "crawler", "userAgent", d.userAgent());
        CrawlerIdentity.userAgentProblem(userAgent)
                .ifPresent(p -> problem(at.appendProperty("userAgent"), "crawler.userAgent", p));
        String from = from(node, at);
        Duration revisitFor = duration(node, at, "crawler", "revisitFor", d.revisitFor());
        Duration stateRetention = duration(node, at, "crawler", "stateRetention", d.stateRetention());
        if (stateRetention.compareTo(revisitFor) <= 0) {
            problem(at.appendProperty("stateRetention"), "crawler.stateRetention",
                    "must be longer than crawler.revisitFor: an article still checked for revisions must keep its state");
            stateRetention = revisitFor.plus(d.stateRetention());
        }
        return new CrawlSettings(userAgent,
                duration(node, at, "crawler", "connectTimeout", d.connectTimeout()),
                duration(node, at, "crawler", "readTimeout", d.readTimeout()),
                duration(node, at, "crawler", "fetchTimeout", d.fetchTimeout()),
                parsed(node, at, "crawler", "maxBodySize", d.maxBodyBytes(), Quantities::size),
                positiveInt(node, at, "crawler", "maxRedirects", d.maxRedirects()),
                revisitFor,
                duration(node, at, "crawler", "maxCrawlDelay", d.maxCrawlDelay()),
                duration(node, at, "crawler", "maxRetryAfter", d.maxRetryAfter()),
                positiveInt(node, at, "crawler", "parallelSources", d.parallelSources()),
                stateRetention,
                health(node.path("health"), at.appendProperty("health")),
                from);
    }

    /** {@code crawler.from}, or the environment's override; a bad value is a problem named where it was written. */
    private String from(JsonNode crawler, JsonPointer at) {
        String fromFile = crawler.isObject() ? string(crawler, at, "crawler", "from", "") : "";
        String from = CrawlerIdentity.from(fromFile, System.getenv(CrawlerIdentity.FROM_VARIABLE));
        CrawlerIdentity.fromProblem(from).ifPresent(p -> {
            if (from.equals(fromFile)) {
                problem(at.appendProperty("from"), "crawler.from", p);
            } else {
                problems.add(new ConfigProblem("environment", 0, CrawlerIdentity.FROM_VARIABLE, p));
            }
        });
        return from;
    }

    private HealthSettings health(JsonNode node, JsonPointer at) {
        HealthSettings d = HealthSettings.defaults();
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            problem(at, "crawler.health", "expected a mapping");
            return d;
        }
        unknownFields(node, at, HEALTH_FIELDS);
        String field = "crawler.health";
        int failingVisits = positiveInt(node, at, field, "failingVisits", d.failingVisits());
        if (failingVisits > HealthSettings.MAX_RECENT_VISITS) {
            problem(at.appendProperty("failingVisits"), field + ".failingVisits",
                    "at most " + HealthSettings.MAX_RECENT_VISITS + " (the visits a source's state keeps)");
            failingVisits = d.failingVisits();
        }
        Duration window = duration(node, at, field, "window", d.window());
        if (window.compareTo(Duration.ofDays(1)) < 0) {
            problem(at.appendProperty("window"), field + ".window", "must be at least 1d");
            window = d.window();
        }
        return new HealthSettings(
                positiveNumber(node, at, field, "silentAfter", d.silentAfter(), Double.MAX_VALUE),
                duration(node, at, field, "silentAtLeast", d.silentAtLeast()),
                positiveInt(node, at, field, "learnGaps", d.learnGaps()),
                failingVisits,
                positiveNumber(node, at, field, "failingShare", d.failingShare(), 1.0),
                positiveInt(node, at, field, "failingMinFetches", d.failingMinFetches()),
                positiveInt(node, at, field, "deadLetterJump", d.deadLetterJump()),
                positiveNumber(node, at, field, "deadLetterFactor", d.deadLetterFactor(), Double.MAX_VALUE),
                positiveInt(node, at, field, "goneAfterVisits", d.goneAfterVisits()),
                window);
    }

    private double positiveNumber(JsonNode node, JsonPointer at, String field, String name, double fallback, double max) {
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || value.asDouble() <= 0 || value.asDouble() > max) {
            problem(at.appendProperty(name), field + "." + name, max == Double.MAX_VALUE
                    ? "expected a number above 0" : "expected a number above 0 and at most " + max);
            return fallback;
        }
        return value.asDouble();
    }

    private Source source(JsonNode node, JsonPointer at, String field, Defaults defaults) {
        if (!node.isObject()) {
            problem(at, field, "expected a mapping with id, home and feeds, sitemaps or sections");
            return null;
        }
        int before = problems.size();
        unknownFields(node, at, SOURCE_FIELDS);
        String id = string(node, at, field, "id", null);
        if (id == null) {
            problem(at, field, "'id' is required");
        } else if (!ID.matcher(id).matches()) {
            problem(at.appendProperty("id"), field + ".id",
                    "'" + id + "' is not a valid id (lower-case letters, digits and '-', up to 63)");
        }
        String label = id != null ? field + " (" + id + ")" : field;
        URI home = url(node.get("home"), at.appendProperty("home"), label + ".home");
        if (node.get("home") == null) {
            problem(at, label, "'home' is required (the site's home page URL)");
        }
        List<URI> feeds = urls(node, at, label, "feeds");
        List<URI> sitemaps = urls(node, at, label, "sitemaps");
        List<URI> sections = urls(node, at, label, "sections");
        if (feeds.isEmpty() && sitemaps.isEmpty() && sections.isEmpty() && problems.size() == before) {
            problem(at, label, "needs at least one of 'feeds', 'sitemaps' or 'sections' to discover articles");
        }
        ArticlePatterns patterns = patterns(node.get("articles"), at.appendProperty("articles"), label + ".articles");
        Duration interval = interval(node, at, label, defaults.interval());
        String language = language(node, at, label, defaults.language());
        double rate = rate(node, at, label, defaults.rate());
        boolean allowPrivate = bool(node, at, label, "allowPrivateAddresses", false);
        int maxArticles = positiveInt(node, at, label, "maxArticlesPerRun", defaults.maxArticlesPerRun());
        if (problems.size() > before || home == null) {
            return null;
        }
        return new Source(id, string(node, at, label, "name", id), home, feeds, sitemaps, sections, interval,
                patterns, language, rate, allowPrivate, maxArticles);
    }

    /** The reason of {@code disabled: "..."}, or null for a source to crawl. */
    private String disabledReason(JsonNode node, JsonPointer at, String field) {
        JsonNode value = node.get("disabled");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problem(at.appendProperty("disabled"), field + ".disabled",
                    "expected the reason the source is not crawled, as text (e.g. disabled: \"robots.txt disallows"
                            + " all crawlers\"); delete the line to crawl it");
            return null;
        }
        return value.asText().strip();
    }

    private ArticlePatterns patterns(JsonNode node, JsonPointer at, String field) {
        if (node == null || node.isNull()) {
            return ArticlePatterns.sameSite();
        }
        if (!node.isObject()) {
            problem(at, field, "expected a mapping with 'allow' and/or 'deny' lists of regular expressions");
            return ArticlePatterns.sameSite();
        }
        unknownFields(node, at, ARTICLE_FIELDS);
        return new ArticlePatterns(regexes(node, at, field, "allow"), regexes(node, at, field, "deny"));
    }

    private List<Pattern> regexes(JsonNode parent, JsonPointer at, String field, String name) {
        List<Pattern> patterns = new ArrayList<>();
        for (var item : items(parent, at, field, name)) {
            try {
                patterns.add(Pattern.compile(item.node().asText()));
            } catch (PatternSyntaxException e) {
                problem(item.at(), item.field(), "not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        }
        return patterns;
    }

    private List<URI> urls(JsonNode parent, JsonPointer at, String field, String name) {
        List<URI> urls = new ArrayList<>();
        for (var item : items(parent, at, field, name)) {
            URI url = url(item.node(), item.at(), item.field());
            if (url != null) {
                urls.add(url);
            }
        }
        return urls;
    }

    private record Item(JsonNode node, JsonPointer at, String field) {}

    /** The scalar items of a list field; a single scalar counts as a list of one. */
    private List<Item> items(JsonNode parent, JsonPointer at, String field, String name) {
        JsonNode node = parent.get(name);
        JsonPointer pointer = at.appendProperty(name);
        List<Item> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (node.isValueNode()) {
            items.add(new Item(node, pointer, field + "." + name));
            return items;
        }
        if (!node.isArray()) {
            problem(pointer, field + "." + name, "expected a list");
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemField = field + "." + name + "[" + i + "]";
            if (!item.isValueNode() || item.isNull()) {
                problem(pointer.appendIndex(i), itemField, "expected a single value");
            } else {
                items.add(new Item(item, pointer.appendIndex(i), itemField));
            }
        }
        return items;
    }

    private URI url(JsonNode node, JsonPointer at, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problem(at, field, "'" + text + "' is not an http or https URL");
                return null;
            }
            if (url.getHost() == null || url.getHost().isBlank()) {
                problem(at, field, "'" + text + "' has no host");
                return null;
            }
            return url.getPath() == null || url.getPath().isEmpty() ? url.resolve("/") : url;
        } catch (URISyntaxException e) {
            problem(at, field, "'" + text + "' is not a valid URL: " + e.getReason());
            return null;
        }
    }

    private Duration interval(JsonNode node, JsonPointer at, String field, Duration fallback) {
        Duration interval = duration(node, at, field, "interval", fallback);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            problem(at.appendProperty("interval"), field + ".interval", "must be at least 1s");
        }
        return interval;
    }

    private String language(JsonNode node, JsonPointer at, String field, String fallback) {
        String language = string(node, at, field, "language", fallback);
        if (!LANGUAGE.matcher(language).matches()) {
            problem(at.appendProperty("language"), field + ".language",
                    "'" + language + "' is not a two-letter ISO 639-1 code such as en");
        }
        return language;
    }

    private double rate(JsonNode node, JsonPointer at, String field, double fallback) {
        JsonNode value = node.get("rate");
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || value.asDouble() <= 0 || value.asDouble() > MAX_RATE) {
            problem(at.appendProperty("rate"), field + ".rate",
                    "expected requests per second per host, more than 0 and at most " + (int) MAX_RATE);
            return fallback;
        }
        return value.asDouble();
    }

    private Duration duration(JsonNode node, JsonPointer at, String field, String name, Duration fallback) {
        return parsed(node, at, field, name, fallback, Quantities::duration);
    }

    private <T> T parsed(JsonNode node, JsonPointer at, String field, String name, T fallback, Function<String, T> parse) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode()) {
            problem(at.appendProperty(name), field + "." + name, "expected a single value");
            return fallback;
        }
        try {
            return parse.apply(value.asText());
        } catch (IllegalArgumentException e) {
            problem(at.appendProperty(name), field + "." + name, e.getMessage());
            return fallback;
        }
    }

    private int positiveInt(JsonNode node, JsonPointer at, String field, String name, int fallback) {
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            problem(at.appendProperty(name), field + "." + name, "expected a whole number of 1 or more");
            return fallback;
        }
        return value.asInt();
    }

    private boolean bool(JsonNode node, JsonPointer at, String field, String name, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(at.appendProperty(name), field + "." + name, "expected true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    private String string(JsonNode node, JsonPointer at, String field, String name, String fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode()) {
            problem(at.appendProperty(name), field + "." + name, "expected a single value");
            return fallback;
        }
        return value.asText().strip();
    }

    private void unknownFields(JsonNode node, JsonPointer at, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String suggestion = Suggestions.closest(name, known);
                String path = fieldPath(at, name);
                problem(at.appendProperty(name), path, "unknown field" + (suggestion != null
                        ? " (did you mean '" + suggestion + "'?)" : "; known fields: " + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    private String fieldPath(JsonPointer at, String name) {
        String path = at.toString().replaceAll("/(\\d+)", "[$1]").replace('/', '.');
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? name : path + "." + name;
    }

    private void problem(JsonPointer at, String field, String message) {
        problems.add(new ConfigProblem(file, tree.lineOf(at), field, message));
    }
}
