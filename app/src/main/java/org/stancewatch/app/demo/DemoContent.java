package org.stancewatch.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo site's outlets and articles, read from a folder of the class path: {@code
 * outlets.yml}, and one Markdown file per article under a folder per outlet, with YAML front
 * matter (title, kind, section, author, published, optional copyOf) and blank-line separated
 * paragraphs.
 *
 * @param outlets  the outlets, in file order
 * @param articles every article, oldest first
 */
public record DemoContent(List<DemoOutlet> outlets, List<DemoArticle> articles) {
    /** The bundled demo site. */
    public static final String BUNDLED = "org/stancewatch/app/demo/site";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads the site under a class path folder, in a jar or not. */
    public static DemoContent load(String resourceFolder) {
        URL url = DemoContent.class.getClassLoader().getResource(resourceFolder + "/outlets.yml");
        if (url == null) {
            throw new IllegalStateException("demo site not found on the class path: " + resourceFolder);
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return read(Path.of(uri).getParent());
            }
            try (FileSystem jar = openJar(uri)) {
                return read(jar.provider().getPath(uri).getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo site: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the site in a folder. */
    public static DemoContent read(Path folder) throws IOException {
        List<DemoOutlet> outlets = new ArrayList<>();
        for (JsonNode outlet : YAML.readTree(Files.readString(folder.resolve("outlets.yml"))).path("outlets")) {
            outlets.add(new DemoOutlet(outlet.path("id").asText(), outlet.path("name").asText(),
                    outlet.path("domain").asText(), outlet.path("description").asText(),
                    outlet.hasNonNull("style") ? outlet.get("style").asText() : null));
        }
        List<DemoArticle> articles = new ArrayList<>();
        for (DemoOutlet outlet : outlets) {
            try (Stream<Path> files = Files.list(folder.resolve(outlet.id()))) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                    articles.add(parse(outlet.id(), file));
                }
            }
        }
        articles.sort(Comparator.comparing(DemoArticle::published).thenComparing(DemoArticle::key));
        return new DemoContent(List.copyOf(outlets), List.copyOf(articles));
    }

    /** The articles of one outlet, oldest first. */
    public List<DemoArticle> articlesOf(String outletId) {
        return articles.stream().filter(article -> article.outletId().equals(outletId)).toList();
    }

    static DemoArticle parse(String outletId, Path file) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String[] parts = text.split("(?m)^---\\s*$", 3);
        if (parts.length < 3 || !parts[0].isBlank()) {
            throw new IllegalArgumentException(file + ": expected YAML front matter between '---' lines");
        }
        JsonNode front = YAML.readTree(parts[1]);
        String key = outletId + "/" + name.substring(0, name.length() - ".md".length());
        List<String> paragraphs = Arrays.stream(parts[2].strip().split("\\n\\s*\\n"))
                .map(paragraph -> paragraph.strip().replaceAll("\\s*\\n\\s*", " "))
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
        return new DemoArticle(outletId, key, slugOf(name), required(front, "title", file),
                front.path("kind").asText("news"), front.path("section").asText("world"),
                front.path("author").asText(""), published(front, file),
                front.hasNonNull("copyOf") ? front.get("copyOf").asText() : null, paragraphs);
    }

    private static String slugOf(String fileName) {
        // 2011-11-24-kremlin-threatens.md -> kremlin-threatens
        String base = fileName.substring(0, fileName.length() - ".md".length());
        return base.length() > 11 && base.charAt(10) == '-' ? base.substring(11) : base;
    }

    private static String required(JsonNode front, String field, Path file) {
        if (!front.hasNonNull(field) || front.get(field).asText().isBlank()) {
            throw new IllegalArgumentException(file + ": front matter lacks '" + field + "'");
        }
        return front.get(field).asText();
    }

    private static Instant published(JsonNode front, Path file) {
        String value = required(front, "published", file);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": 'published' is not an ISO-8601 UTC time: " + value);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // opened elsewhere in this JVM: read it through a fresh view of the same jar
            String jarPath = uri.getSchemeSpecificPart().substring(0, uri.getSchemeSpecificPart().indexOf("!/"));
            return FileSystems.newFileSystem(Path.of(URI.create(jarPath)));
        }
    }
}
