package org.stancewatch.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The saved pages {@code stancewatch extract} reads: files (gzipped or not) and folders of them.
 */
public final class PageSources {
    private PageSources() {}

    /** The page files under a path: the file itself, or a folder's .html, .htm and .gz files, sorted. */
    public static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).filter(PageSources::isPage).sorted().toList());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    private static boolean isPage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml") || name.endsWith(".gz");
    }

    /** A file's bytes, gunzipped if it is gzip (by its first bytes, whatever its name). */
    public static byte[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                return in.readNBytes(64 * 1024 * 1024);
            }
        }
        return bytes;
    }
}
