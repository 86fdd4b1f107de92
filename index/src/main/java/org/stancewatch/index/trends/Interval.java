package org.stancewatch.index.trends;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.util.Locale;

/** The width of a trend's buckets: calendar days, ISO weeks (from Monday) or months, in UTC. */
public enum Interval {
    DAY(CalendarInterval.Day),
    WEEK(CalendarInterval.Week),
    MONTH(CalendarInterval.Month);

    private final CalendarInterval calendarInterval;

    Interval(CalendarInterval calendarInterval) {
        this.calendarInterval = calendarInterval;
    }

    CalendarInterval calendarInterval() {
        return calendarInterval;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
