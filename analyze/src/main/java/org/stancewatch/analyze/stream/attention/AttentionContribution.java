package org.stancewatch.analyze.stream.attention;

import java.util.List;

/**
 * One mention added to (sign +1) or taken out of (sign −1) the coverage of its day, on its way
 * to the day's total: the actor and topics say which attention series it also counts in.
 *
 * @param day    epoch day (UTC) of the mention's publication
 * @param weight 1, or the copy weight for a syndicated copy
 */
public record AttentionContribution(int sign, double weight, long day, String actor, List<String> topics,
                                    MentionSample sample) {
    public AttentionContribution {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
