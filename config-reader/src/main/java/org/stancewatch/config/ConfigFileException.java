package org.stancewatch.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used. Each problem names the file, the line and the
 * field, so that it can be fixed without guessing; all problems of a file are reported at once.
 */
public abstract class ConfigFileException extends RuntimeException {
    private final List<ConfigProblem> problems;

    /** @param what the file's role, as in "the sources file" */
    protected ConfigFileException(String what, List<ConfigProblem> problems) {
        super(describe(what, problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(String what, List<ConfigProblem> problems) {
        String list = problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  "));
        return (problems.size() == 1 ? what + " has a problem:\n  " : what + " has " + problems.size()
                + " problems:\n  ") + list;
    }
}
