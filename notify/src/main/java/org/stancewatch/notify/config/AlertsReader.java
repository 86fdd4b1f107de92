package org.stancewatch.notify.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.stancewatch.config.ConfigProblem;
import org.stancewatch.config.Suggestions;
import org.stancewatch.config.YamlTree;
import org.stancewatch.model.Direction;
import org.stancewatch.notify.watchlist.NoticeKind;
import org.stancewatch.notify.watchlist.Watchlist;

/**
 * Reads and checks {@code alerts.yml}. Every problem is collected with its file, line and field
 * before anything is reported, so one run shows them all; unknown keys are errors with a
 * suggestion. The format, every key with its default, is the shipped {@code config/alerts.yml}.
 */
final class AlertsReader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> TOP_FIELDS = Set.of("channels", "watchlists");
    private static final Set<String> CHANNEL_FIELDS = Set.of("type", "digest");
    private static final Set<String> DIGEST_FIELDS = Set.of("maxPerHour");
    private static final Set<String> WATCHLIST_FIELDS = Set.of("name", "kinds", "actors", "topics", "outlets",
            "holders", "sources", "direction", "minSignificance", "minEvidence", "channels");
    /** Keys that would put a secret in the file: it belongs in the environment. */
    private static final Map<String, String> SECRET_FIELDS = Map.of("token", "tokenEnv", "password", "passwordEnv",
            "secret", "secretEnv", "apiKey", "apiKeyEnv");

    private final String file;
    private final YamlTree tree;
    private final EnvironmentExpansion environment;
    private final ChannelFactory factory;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private AlertsReader(String file, YamlTree tree, UnaryOperator<String> environment, ChannelFactory factory) {
        this.file = file;
        this.tree = tree;
        this.environment = new EnvironmentExpansion(environment);
        this.factory = factory;
    }

    static AlertsConfig read(String file, byte[] yaml, UnaryOperator<String> environment, ChannelFactory factory) {
        YamlTree tree;
        try {
            tree = YamlTree.parse(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            throw new AlertsConfigException(List.of(new ConfigProblem(file, line, "",
                    "not valid YAML: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new AlertsConfigException(List.of(new ConfigProblem(file, 0, "",
                    "cannot read: " + e.getMessage())));
        }
        return new AlertsReader(file, tree, environment, factory).read();
    }

    private AlertsConfig read() {
        JsonNode root = tree.root();
        if (!root.isObject()) {
            problem(JsonPointer.empty(), "", "expected a mapping with 'channels:' and 'watchlists:'");
            throw new AlertsConfigException(problems);
        }
        unknownFields(root, JsonPointer.empty(), "", TOP_FIELDS);
        Map<String, ConfiguredChannel> channels = channels(root.path("channels"), JsonPointer.compile("/channels"));
        List<Watchlist> watchlists = watchlists(root.path("watchlists"), JsonPointer.compile("/watchlists"),
                channels.keySet());
        if (!problems.isEmpty()) {
            throw new AlertsConfigException(problems);
        }
        return new AlertsConfig(file, List.copyOf(channels.values()), watchlists);
    }

    // ---- channels

    /**
     * The channels by name; one with problems is left out, its problems recorded (watchlists
     * naming it are not reported as well).
     */
    private Map<String, ConfiguredChannel> channels(JsonNode node, JsonPointer at) {
        Map<String, ConfiguredChannel> channels = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            problem(at, "channels", "expected a mapping of at least one channel: name -> {type: atom|webhook|email, ...}");
            return channels;
        }
        for (var entry : node.properties()) {
            String name = entry.getKey();
            JsonPointer channelAt = at.appendProperty(name);
            if (!NAME.matcher(name).matches()) {
                problem(channelAt, "channels." + name, "not a valid channel name (lower-case letters, digits and '-', up to 63)");
                continue;
            }
            ConfiguredChannel channel = channel(name, entry.getValue(), channelAt);
            if (channel != null) {
                channels.put(name, channel);
            }
        }
        return channels;
    }

    private ConfiguredChannel channel(String name, JsonNode node, JsonPointer at) {
        String field = "channels." + name;
        if (!node.isObject()) {
            problem(at, field, "expected a mapping with 'type:' and the channel's settings");
            return null;
        }
        int before = problems.size();
        String type = text(node.get("type"), at.appendProperty("type"), field + ".type");
        if (type == null) {
            problem(at, field, "'type' is required: one of " + String.join(", ", new TreeSet<>(factory.types())));
            return null;
        }
        if (!factory.types().contains(type)) {
            String suggestion = Suggestions.closest(type, factory.types());
            problem(at.appendProperty("type"), field + ".type", "unknown channel type '" + type + "'"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "") + (factory.types().isEmpty()
                    ? "; this build has no channel types installed" : "; known types: "
                    + String.join(", ", new TreeSet<>(factory.types()))));
            return null;
        }
        Set<String> known = new HashSet<>(CHANNEL_FIELDS);
        known.addAll(factory.settings(type));
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        for (var entry : node.properties()) {
            String key = entry.getKey();
            JsonPointer keyAt = at.appendProperty(key);
            if (SECRET_FIELDS.containsKey(key)) {
                problem(keyAt, field + "." + key, "secrets do not belong in the file: put it in an environment "
                        + "variable and write '" + SECRET_FIELDS.get(key) + ": VARIABLE_NAME'");
            } else if (!known.contains(key)) {
                unknownField(keyAt, field + "." + key, key, known);
            } else if (!CHANNEL_FIELDS.contains(key)) {
                settings.set(key, setting(entry.getValue(), keyAt, field + "." + key, key));
            }
        }
        int maxPerHour = digest(node.get("digest"), at.appendProperty("digest"), field + ".digest");
        if (problems.size() > before) {
            return null;
        }
        ChannelSpec spec = new ChannelSpec(name, type, settings, maxPerHour);
        try {
            return new ConfiguredChannel(spec, factory.create(spec));
        } catch (ChannelSettingsException e) {
            JsonPointer where = e.field().isEmpty() ? at : at.appendProperty(e.field());
            problem(where, e.field().isEmpty() ? field : field + "." + e.field(), e.getMessage());
            return null;
        }
    }

    /** A setting's value with environment references expanded; {@code *Env} keys must name a set variable. */
    private JsonNode setting(JsonNode value, JsonPointer at, String field, String key) {
        if (!value.isTextual()) {
            return value;
        }
        if (key.endsWith("Env")) {
            if (environment.lookup(value.asText()) == null) {
                problem(at, field, "environment variable " + value.asText() + " is not set (set it before starting, "
                        + "e.g. export " + value.asText() + "=...)");
            }
            return value;
        }
        try {
            return TextNode.valueOf(environment.expand(value.asText()));
        } catch (IllegalArgumentException e) {
            problem(at, field, e.getMessage());
            return value;
        }
    }

    private int digest(JsonNode node, JsonPointer at, String field) {
        if (node == null || node.isNull()) {
            return ChannelSpec.NO_LIMIT;
        }
        if (!node.isObject()) {
            problem(at, field, "expected a mapping: {maxPerHour: N}");
            return ChannelSpec.NO_LIMIT;
        }
        unknownFields(node, at, field, DIGEST_FIELDS);
        JsonNode max = node.get("maxPerHour");
        if (max == null || !max.isIntegralNumber() || !max.canConvertToInt() || max.asInt() < 1) {
            problem(max == null ? at : at.appendProperty("maxPerHour"), field + ".maxPerHour",
                    "expected a whole number of messages per hour, 1 or more");
            return ChannelSpec.NO_LIMIT;
        }
        return max.asInt();
    }

    // ---- watchlists

    private List<Watchlist> watchlists(JsonNode node, JsonPointer at, Set<String> channels) {
        List<Watchlist> watchlists = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problem(at, "watchlists", "expected a list of at least one watchlist (without one, nothing is sent)");
            return watchlists;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Watchlist watchlist = watchlist(node.get(i), at.appendIndex(i), "watchlists[" + i + "]", channels);
            String name = node.get(i).path("name").asText("");
            if (!name.isBlank() && !names.add(name.strip())) {
                problem(at.appendIndex(i).appendProperty("name"), "watchlists[" + i + "].name",
                        "duplicate name '" + name.strip() + "': each watchlist needs its own");
            }
            if (watchlist != null) {
                watchlists.add(watchlist);
            }
        }
        return watchlists;
    }

    private Watchlist watchlist(JsonNode node, JsonPointer at, String field, Set<String> declared) {
        if (!node.isObject()) {
            problem(at, field, "expected a mapping with name and channels");
            return null;
        }
        int before = problems.size();
        unknownFields(node, at, field, WATCHLIST_FIELDS);
        String name = text(node.get("name"), at.appendProperty("name"), field + ".name");
        if (name == null) {
            problem(at, field, "'name' is required");
        }
        String label = name != null ? field + " (" + name + ")" : field;
        Set<NoticeKind> kinds = kinds(node, at, label);
        Direction direction = direction(node.get("direction"), at.appendProperty("direction"), label + ".direction");
        double minSignificance = number(node.get("minSignificance"), at.appendProperty("minSignificance"),
                label + ".minSignificance");
        long minEvidence = wholeNumber(node.get("minEvidence"), at.appendProperty("minEvidence"), label + ".minEvidence");
        List<String> channels = channelNames(node, at, label, declared);
        Watchlist watchlist = new Watchlist(name == null ? "" : name, kinds, words(node, at, label, "actors"),
                words(node, at, label, "topics"), words(node, at, label, "outlets"), words(node, at, label, "holders"),
                words(node, at, label, "sources"), direction, minSignificance, minEvidence, channels);
        return problems.size() > before ? null : watchlist;
    }

    private Set<NoticeKind> kinds(JsonNode node, JsonPointer at, String field) {
        Set<String> words = words(node, at, field, "kinds");
        if (words.isEmpty()) {
            return EnumSet.allOf(NoticeKind.class);
        }
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        List<String> known = List.of("tone", "attention", "source");
        for (String word : words) {
            if (known.contains(word)) {
                kinds.add(NoticeKind.valueOf(word.toUpperCase(Locale.ROOT)));
            } else {
                String suggestion = Suggestions.closest(word, known);
                problem(at.appendProperty("kinds"), field + ".kinds", "unknown kind '" + word + "'"
                        + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                        + "; kinds are tone, attention and source");
            }
        }
        return kinds;
    }

    private List<String> channelNames(JsonNode node, JsonPointer at, String field, Set<String> declared) {
        JsonPointer channelsAt = at.appendProperty("channels");
        Set<String> names = words(node, at, field, "channels");
        if (names.isEmpty() && node.has("channels")) {
            problem(channelsAt, field + ".channels", "expected a list of at least one channel name");
        } else if (names.isEmpty()) {
            problem(at, field, "'channels' is required: the channels its notices go to");
        }
        Set<String> allDeclared = new HashSet<>(declared);
        tree.root().path("channels").fieldNames().forEachRemaining(allDeclared::add); // broken ones too
        for (String name : names) {
            if (!allDeclared.contains(name)) {
                String suggestion = Suggestions.closest(name, allDeclared);
                problem(channelsAt, field + ".channels", "no channel named '" + name + "' under 'channels:'"
                        + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "; declared: "
                        + String.join(", ", new TreeSet<>(allDeclared))));
            }
        }
        return List.copyOf(names);
    }

    private Direction direction(JsonNode node, JsonPointer at, String field) {
        String word = text(node, at, field);
        if (word == null || word.equals("any")) {
            return null;
        }
        return switch (word) {
            case "negative" -> Direction.NEGATIVE;
            case "positive" -> Direction.POSITIVE;
            default -> {
                problem(at, field, "expected negative, positive or any, got '" + word + "'");
                yield null;
            }
        };
    }

    private double number(JsonNode node, JsonPointer at, String field) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isNumber() || node.asDouble() < 0) {
            problem(at, field, "expected a number of 0 or more");
            return 0;
        }
        return node.asDouble();
    }

    private long wholeNumber(JsonNode node, JsonPointer at, String field) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            problem(at, field, "expected a whole number of 0 or more");
            return 0;
        }
        return node.asLong();
    }

    /** A list of words; a single word counts as a list of one. */
    private Set<String> words(JsonNode parent, JsonPointer at, String field, String name) {
        JsonNode node = parent.get(name);
        JsonPointer pointer = at.appendProperty(name);
        Set<String> words = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return words;
        }
        if (node.isValueNode()) {
            words.add(node.asText().strip());
            return words;
        }
        if (!node.isArray()) {
            problem(pointer, field + "." + name, "expected a list");
            return words;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                problem(pointer.appendIndex(i), field + "." + name + "[" + i + "]", "expected a single word");
            } else {
                words.add(item.asText().strip());
            }
        }
        return words;
    }

    private String text(JsonNode node, JsonPointer at, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            problem(at, field, "expected a single value");
            return null;
        }
        return node.asText().strip();
    }

    // ---- problems

    private void unknownFields(JsonNode node, JsonPointer at, String field, Set<String> known) {
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            unknownFieldUnless(known, at.appendProperty(name), field.isEmpty() ? name : field + "." + name, name);
        }
    }

    private void unknownFieldUnless(Set<String> known, JsonPointer at, String field, String name) {
        if (!known.contains(name)) {
            unknownField(at, field, name, known);
        }
    }

    private void unknownField(JsonPointer at, String field, String name, Set<String> known) {
        String suggestion = Suggestions.closest(name, known);
        problem(at, field, "unknown key" + (suggestion != null ? " (did you mean '" + suggestion + "'?)"
                : "; known keys: " + String.join(", ", new TreeSet<>(known))));
    }

    private void problem(JsonPointer at, String field, String message) {
        problems.add(new ConfigProblem(file, tree.lineOf(at), field, message));
    }
}
