package org.stancewatch.app.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, for tests that must see a page as a browser draws it: a
 * screenshot, and the messages the page wrote to the browser console (errors among them).
 */
final class HeadlessChromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    /** What the browser made of a page. */
    record Visit(Path screenshot, List<String> consoleMessages) {}

    private HeadlessChromium() {}

    /** The browser, if one is installed (CHROMIUM names another). */
    static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM");
        return Stream.concat(Stream.ofNullable(configured), CANDIDATES.stream())
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Opens the file with networking off, takes a screenshot, and collects the console messages. */
    static Visit open(Path browser, Path page, Path workDir, int width, int height) throws IOException, InterruptedException {
        Path screenshot = workDir.resolve("screenshot.png");
        Path log = workDir.resolve("chromium.log");
        Process process = new ProcessBuilder(browser.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + workDir.resolve("profile"),
                "--enable-logging=stderr", "--v=0",
                "--window-size=" + width + "," + height,
                "--screenshot=" + screenshot,
                page.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within 2 minutes; see " + log);
        }
        List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE"))
                .toList();
        if (!Files.exists(screenshot)) {
            throw new IllegalStateException("Chromium wrote no screenshot; see " + log);
        }
        return new Visit(screenshot, console);
    }
}
