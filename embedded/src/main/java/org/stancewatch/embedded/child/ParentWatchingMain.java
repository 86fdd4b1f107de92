package org.stancewatch.embedded.child;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The first class a child server JVM runs: it starts a watcher, then the real main class.
 *
 * <p>The parent keeps the child's standard input open and never writes to it. When the parent
 * stops it, or dies however it dies (even {@code kill -9}), the pipe closes, the watcher reads
 * end-of-file and exits the JVM, which runs the server's own shutdown hooks: no orphan server
 * outlives its parent.
 *
 * <p>The child ignores SIGINT. Ctrl-C in a terminal reaches every process of the foreground
 * group, children included; the server must stay up until the parent has stopped the stages that
 * still use it (a crawler committing its last transaction, an indexer its offsets) and then
 * closes its input. SIGTERM still stops it at once.
 *
 * <p>Usage: {@code ParentWatchingMain <main class> [args...]}. Only JDK classes here: this runs
 * beside the server's jars, not the application's.
 */
public final class ParentWatchingMain {
    private ParentWatchingMain() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatchingMain <main class> [args...]");
            System.exit(2);
        }
        ignoreInterrupt();
        watch(System.in);
        try {
            Class.forName(args[0])
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void ignoreInterrupt() {
        try {
            Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException noSuchSignal) {
            // not on this system: nothing to ignore
        }
    }

    private static void watch(InputStream parent) {
        Thread watcher = new Thread(() -> {
            try {
                while (parent.read() >= 0) {
                    // the parent writes nothing; anything read is ignored
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end-of-file
            }
            System.err.println("stancewatch: standard input closed (the parent is stopping or gone); shutting down");
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
