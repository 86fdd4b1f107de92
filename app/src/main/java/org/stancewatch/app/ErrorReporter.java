package org.stancewatch.app;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into one readable line for the user (the stack
 * trace goes to the debug log), and exit code 1.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        LoggerFactory.getLogger(ErrorReporter.class).debug("command failed", e);
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        command.getErr().println(command.getColorScheme().errorText(command.getCommandSpec().qualifiedName()
                + ": " + message));
        return 1;
    }
}
