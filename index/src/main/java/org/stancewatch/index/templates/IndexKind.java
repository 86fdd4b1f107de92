package org.stancewatch.index.templates;

import java.util.Locale;

/** The four kinds of documents stancewatch keeps in Elasticsearch, one index family each. */
public enum IndexKind {
    ARTICLES,
    MENTIONS,
    STANCE,
    ALERTS;

    /** The kind's word in index, alias and template names, e.g. {@code mentions}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
