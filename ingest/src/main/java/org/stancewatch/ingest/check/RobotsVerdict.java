package org.stancewatch.ingest.check;

/** What robots.txt says to our User-Agent about one URL. */
public enum RobotsVerdict {
    ALLOWED,
    DISALLOWED,
    /** robots.txt answered 5xx or not at all: RFC 9309 then allows nothing, for now */
    UNREACHABLE,
    /** not asked: the URL was refused before (its address, scheme or port) */
    NOT_CHECKED
}
