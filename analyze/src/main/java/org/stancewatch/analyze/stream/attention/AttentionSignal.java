package org.stancewatch.analyze.stream.attention;

/**
 * What the attention detector of a series' partition receives from the day totals: a mention
 * counted in (or taken out of) one series, with its day's total as it stood then; or, sent to
 * every partition, a day's new total alone ({@code sign} 0).
 *
 * @param day      epoch day (UTC)
 * @param dayTotal the day's total of all mentions (summed weights) after this change
 * @param sign     +1 or −1 for a mention of the series, 0 for a total alone
 * @param weight   the mention's weight (0 for a total alone)
 * @param sample   the mention (for a subtraction only its ids), or null for a total alone
 */
public record AttentionSignal(long day, double dayTotal, int sign, double weight, MentionSample sample) {

    static AttentionSignal total(long day, double dayTotal) {
        return new AttentionSignal(day, dayTotal, 0, 0, null);
    }

    /** True for a day's total alone, which every partition of the detector receives. */
    public boolean isTotal() {
        return sign == 0;
    }
}
