package org.stancewatch.analyze.lexicon;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.stancewatch.config.YamlLines;

/**
 * Reads {@code actors.yml} and {@code topics.yml} and checks them: unknown or misspelt fields,
 * wrong types, missing names, duplicate ids, offices of unknown actors, years out of order. Every
 * problem is a {@link LexiconException} that names the line and the field.
 */
public final class LexiconLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            // a key written twice would silently keep the last value
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private LexiconLoader() {
    }

    private record ActorsFile(List<Actor> actors) {
    }

    private record TopicsFile(List<TopicDefinition> topics) {
    }

    /** Reads an actors file; {@code source} names it in error messages. */
    public static ActorLexicon actors(String source, String yaml) {
        Lines lines = Lines.of(source, yaml);
        ActorsFile file = bind(lines, yaml, ActorsFile.class);
        if (file == null || file.actors() == null || file.actors().isEmpty()) {
            throw new LexiconException(source, 1, "actors", "the file lists no actors (expected 'actors:' with a list)", null);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < file.actors().size(); i++) {
            Actor actor = file.actors().get(i);
            String at = "/actors/" + i;
            requireId(lines, at, actor == null ? null : actor.id(), ids);
            requireText(lines, at + "/name", actor.name());
            if (actor.kind() == null) {
                throw lines.error(at + "/kind", "missing (country, alliance, institution, group or person)");
            }
            if (actor.fullForms().isEmpty()) {
                throw lines.error(at + "/aliases", "actor '" + actor.id() + "' has no aliases, demonyms or metonyms");
            }
            checkPhrases(lines, at, "aliases", actor.aliases());
            checkPhrases(lines, at, "demonyms", actor.demonyms());
            checkPhrases(lines, at, "metonyms", actor.metonyms());
            checkPhrases(lines, at, "shortForms", actor.shortForms());
            checkPhrases(lines, at, "excludes", actor.excludes());
        }
        for (int i = 0; i < file.actors().size(); i++) {
            List<Office> offices = file.actors().get(i).speaksFor();
            for (int j = 0; j < offices.size(); j++) {
                String at = "/actors/" + i + "/speaksFor/" + j;
                Office office = offices.get(j);
                if (office.actor() == null || !ids.contains(office.actor())) {
                    throw lines.error(at + "/actor", "unknown actor '" + office.actor() + "' (it must be an id listed in this file)");
                }
                if (office.from() < 1800 || office.from() > 2200) {
                    throw lines.error(at + "/from", "year " + office.from() + " is not a plausible year");
                }
                if (office.to() != null && office.to() < office.from()) {
                    throw lines.error(at + "/to", "ends (" + office.to() + ") before it starts (" + office.from() + ")");
                }
            }
        }
        return new ActorLexicon(file.actors());
    }

    /** Reads a topics file; actor ids it names must be in {@code actors}. */
    public static TopicLexicon topics(String source, String yaml, ActorLexicon actors) {
        Lines lines = Lines.of(source, yaml);
        TopicsFile file = bind(lines, yaml, TopicsFile.class);
        if (file == null || file.topics() == null || file.topics().isEmpty()) {
            throw new LexiconException(source, 1, "topics", "the file lists no topics (expected 'topics:' with a list)", null);
        }
        Set<String> ids = new HashSet<>();
        Set<String> actorIds = actors.byId().keySet();
        for (int i = 0; i < file.topics().size(); i++) {
            TopicDefinition topic = file.topics().get(i);
            String at = "/topics/" + i;
            requireId(lines, at, topic == null ? null : topic.id(), ids);
            requireText(lines, at + "/name", topic.name());
            if (topic.patterns().isEmpty() && topic.impliedByActors().isEmpty()) {
                throw lines.error(at + "/patterns", "topic '" + topic.id() + "' has no patterns and no impliedByActors");
            }
            checkPhrases(lines, at, "patterns", topic.patterns());
            checkActors(lines, at + "/requiresActors", topic.requiresActors(), actorIds);
            checkActors(lines, at + "/impliedByActors", topic.impliedByActors(), actorIds);
        }
        return new TopicLexicon(file.topics());
    }

    private static <T> T bind(Lines lines, String yaml, Class<T> type) {
        try {
            return YAML.readValue(yaml, type);
        } catch (JsonMappingException e) {
            String pointer = pointer(e.getPath());
            int line = lines.line(pointer);
            JsonLocation location = e.getLocation();
            if (line == 0 && location != null) {
                line = location.getLineNr();
            }
            if (e.getCause() instanceof JsonParseException syntax && syntax.getLocation() != null) {
                // a problem of the text itself (a key written twice): where the parser stood
                line = syntax.getLocation().getLineNr();
            }
            String problem = e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "")
                    .replaceAll(" for `[^`]*`", "").replaceAll("\\s*\\(\\d+ known properties:.*", "");
            throw new LexiconException(lines.source(), line, Lines.field(pointer), problem, e);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new LexiconException(lines.source(), location == null ? 0 : location.getLineNr(), "",
                    "not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String pointer(List<JsonMappingException.Reference> references) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                pointer.append('/').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                pointer.append('/').append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    private static void requireId(Lines lines, String at, String id, Set<String> seen) {
        if (id == null || id.isBlank()) {
            throw lines.error(at + "/id", "missing");
        }
        if (!ID.matcher(id).matches()) {
            throw lines.error(at + "/id", "'" + id + "' must be lowercase letters, digits and hyphens");
        }
        if (!seen.add(id)) {
            throw lines.error(at + "/id", "'" + id + "' is listed twice");
        }
    }

    private static void requireText(Lines lines, String at, String value) {
        if (value == null || value.isBlank()) {
            throw lines.error(at, "missing");
        }
    }

    private static void checkPhrases(Lines lines, String at, String field, List<String> phrases) {
        for (int j = 0; j < phrases.size(); j++) {
            if (phrases.get(j) == null || phrases.get(j).isBlank()) {
                throw lines.error(at + "/" + field + "/" + j, "empty phrase");
            }
        }
    }

    private static void checkActors(Lines lines, String at, List<String> ids, Set<String> known) {
        for (int j = 0; j < ids.size(); j++) {
            if (!known.contains(ids.get(j))) {
                throw lines.error(at + "/" + j, "unknown actor '" + ids.get(j) + "' (not in actors.yml)");
            }
        }
    }

    /** The file's name and the line of every value in it, to name lines in checks after binding. */
    private record Lines(String source, YamlLines located) {

        static Lines of(String source, String yaml) {
            try {
                return new Lines(source, YamlLines.of(yaml.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                // Broken YAML is reported by binding, with its own line.
                return new Lines(source, YamlLines.none());
            }
        }

        /** The line of {@code pointer}, else of the nearest enclosing value that has one. */
        int line(String pointer) {
            return located.lineOf(JsonPointer.compile(pointer));
        }

        LexiconException error(String pointer, String problem) {
            return new LexiconException(source, line(pointer), field(pointer), problem, null);
        }

        /** {@code /actors/3/speaksFor/0/to} as {@code actors[3].speaksFor[0].to}. */
        static String field(String pointer) {
            return pointer.isEmpty() ? "" : pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
        }
    }
}
