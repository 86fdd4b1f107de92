package org.stancewatch.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A try whose property failed: what to tell the developer, and the input saved for replay. */
record FailedTry(String name, int tryNumber, int tries, long seed, byte[] input, Object context) {
    /** Under the module's {@code target/}: Surefire runs tests in the module's folder. */
    static final Path FAILURES = Path.of("target", "fuzz-failures");

    /** Saves the input and returns the error that fails the test, with the property's own failure as cause. */
    AssertionError report(Throwable failure) {
        String report = """
                %s failed on try %d of %d (seed %d, input %,d bytes, context %s): %s
                replay: -D%s=%d -D%s=1 -Dtest=%s
                """.formatted(name, tryNumber, tries, seed, input.length, printable(context), failure,
                Fuzz.SEED_PROPERTY, seed, Fuzz.TRIES_PROPERTY, name.replace('.', '#'));
        return new AssertionError(report + save(report), failure);
    }

    /** Writes {@code <name>-<seed>.bin} (the input) and {@code .txt} (the report); says where, or why not. */
    private String save(String report) {
        Path bin = FAILURES.resolve(name + "-" + seed + ".bin");
        try {
            Files.createDirectories(FAILURES);
            Files.write(bin, input);
            Files.writeString(FAILURES.resolve(name + "-" + seed + ".txt"), report);
            return "input saved to " + bin.toAbsolutePath();
        } catch (IOException | RuntimeException e) {
            return "input not saved: " + e;
        }
    }

    /** A string context quoted with control and non-ASCII characters escaped, so the report shows exactly what was tried. */
    private static String printable(Object context) {
        if (!(context instanceof String s)) {
            return String.valueOf(context);
        }
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c >= ' ' && c < 0x7F ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
        return out.append('"').toString();
    }
}
