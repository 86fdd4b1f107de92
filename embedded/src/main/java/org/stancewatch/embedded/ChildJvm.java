package org.stancewatch.embedded;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.stancewatch.embedded.child.ParentWatchingMain;

/**
 * A server running in a JVM of its own, its output appended to a log file.
 *
 * <p>The child starts under {@link ParentWatchingMain}, which exits the child when this
 * process's end of its standard input closes: {@link #stop} closes it for a clean shutdown, and
 * the operating system closes it when this process dies, so a child never outlives its parent.
 */
final class ChildJvm {

    /**
     * How to start a child JVM.
     *
     * @param name       for messages, e.g. "Kafka broker"
     * @param classPath  class path entries
     * @param modulePath module path entries (empty for none)
     * @param mainClass  the server's main class
     * @param jvmOptions options such as the heap size
     * @param args       arguments of the main class
     * @param logFile    where stdout and stderr go (appended)
     */
    record Spec(String name, List<Path> classPath, List<Path> modulePath, String mainClass,
                List<String> jvmOptions, List<String> args, Path logFile) {}

    private final Spec spec;
    private final Process process;

    private ChildJvm(Spec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /** Starts the child and returns at once; readiness is the caller's to check. */
    static ChildJvm start(Spec spec) {
        try {
            Files.createDirectories(spec.logFile().getParent());
            Process process = new ProcessBuilder(command(spec))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            return new ChildJvm(spec, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + spec.name() + " JVM: " + e.getMessage(), e);
        }
    }

    /** Runs a child to completion (a tool rather than a server), failing unless it exits with 0. */
    static void run(Spec spec, Duration timeout) {
        ChildJvm child = start(spec);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.process.destroyForcibly();
                throw new IllegalStateException(spec.name() + " did not finish within " + timeout.toSeconds()
                        + " s; see " + spec.logFile() + child.logTail());
            }
        } catch (InterruptedException e) {
            child.process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(spec.name() + " interrupted", e);
        }
        if (child.process.exitValue() != 0) {
            throw new IllegalStateException(spec.name() + " failed with exit code " + child.process.exitValue()
                    + "; see " + spec.logFile() + child.logTail());
        }
    }

    private static List<String> command(Spec spec) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        List<Path> classPath = new ArrayList<>(spec.classPath());
        classPath.add(ServerJars.codeLocationOf(ParentWatchingMain.class));
        command.add("-cp");
        command.add(joined(classPath));
        if (!spec.modulePath().isEmpty()) {
            command.add("-p");
            command.add(joined(spec.modulePath()));
            command.add("--add-modules=ALL-MODULE-PATH");
        }
        command.add(ParentWatchingMain.class.getName());
        command.add(spec.mainClass());
        command.addAll(spec.args());
        return command;
    }

    private static String joined(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return spec.logFile();
    }

    /** Fails with the end of the log if the child has exited. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                    + " during start-up; see " + spec.logFile() + logTail());
        }
    }

    /**
     * Fails, with the end of the log, once {@code deadline} (in {@link System#nanoTime()}) has
     * passed: "{@code notReady} within {@code timeout} s; see the log".
     */
    void checkBefore(long deadline, Duration timeout, String notReady) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(notReady + " within " + timeout.toSeconds() + " s; see " + spec.logFile()
                    + logTail());
        }
    }

    /**
     * Stops the child: closes its standard input so that it shuts down cleanly, and kills it if it
     * has not exited within {@code grace}.
     */
    void stop(Duration grace) {
        try (OutputStream stdin = process.getOutputStream()) {
            // closing is the signal
        } catch (IOException ignored) {
            // already closed: the child is going anyway
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, for error messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(spec.logFile(), StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return "\n--- last lines of " + spec.logFile().getFileName() + " ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Sleeps between readiness checks. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server", e);
        }
    }
}
