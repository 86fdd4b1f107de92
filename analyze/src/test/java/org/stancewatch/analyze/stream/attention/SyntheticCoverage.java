package org.stancewatch.analyze.stream.attention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Synthetic coverage for the attention detection study: all mentions of each day, of which some
 * are of one series, drawn from a model with the structure of news rather than independent draws.
 *
 * <pre>
 *   total(day)  ~ Poisson(2,000 · weekday · shock)     weekday: 1, or 0.5 at weekends
 *                                                      shock: 1, or 1.5-3 on a busy day (6% of days)
 *   share(day)  = p · exp(σ·ε − σ²/2) · burst          p = volume / 2,000, σ = 0.3, ε ~ N(0, 1)
 *                                                      burst: the planted factor on its days, else 1
 *   the series' mentions come in articles: Poisson(total · share / 2.5) articles of 1 + Poisson(1.5)
 * </pre>
 *
 * A busy day scales every series together, so it changes no share. Mentions arrive over their
 * day, and a tenth of them one or two days late, as articles do; the series' own in clumps (an
 * article's mentions at once), everything else's evenly.
 *
 * @param volume     the series' mean mentions per weekday (outside bursts)
 * @param days       length of the series
 * @param burstDay   first day of the burst, or −1 for none
 * @param factor     the burst's multiple of the share
 * @param burstDays  how many days the burst lasts
 */
record SyntheticCoverage(double volume, int days, int burstDay, double factor, int burstDays) {
    static final double TOTAL_PER_WEEKDAY = 2000;
    static final double SHARE_SD = 0.3;
    static final double BUSY_DAY_CHANCE = 0.06;
    static final double LATE_SHARE = 0.1;
    static final double MENTIONS_PER_ARTICLE = 2.5;

    /**
     * A drawn coverage: the mentions of everything else per day, and the series' own mentions in
     * arrival order (minutes since day 0). The other mentions of a day arrive evenly over the day
     * after it starts (30 minutes after publication, as the series' do), a tenth of them one or
     * two days late: {@link #othersArrivedBy} says how many had by a given minute.
     */
    record Drawn(double[] others, List<long[]> seriesMentions) {
        /** Other mentions of {@code day} arrived by {@code minute}. */
        double othersArrivedBy(int day, long minute) {
            double since = minute - day * 1440.0 - DELAY_MINUTES;
            return others[day] * ((1 - LATE_SHARE) * spread(since) + LATE_SHARE / 2 * spread(since - 1440)
                    + LATE_SHARE / 2 * spread(since - 2880));
        }

        private static double spread(double minutes) {
            return Math.max(0, Math.min(1, minutes / 1440));
        }
    }

    static final long DELAY_MINUTES = 30;

    boolean inBurst(int day) {
        return burstDay >= 0 && day >= burstDay && day < burstDay + burstDays;
    }

    /** This coverage drawn from the seed. */
    Drawn draw(long seed) {
        Random random = new Random(seed);
        double share = volume / TOTAL_PER_WEEKDAY;
        double[] others = new double[days];
        List<long[]> mentions = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            boolean weekend = day % 7 >= 5;
            double shock = random.nextDouble() < BUSY_DAY_CHANCE ? 1.5 + 1.5 * random.nextDouble() : 1;
            double total = TOTAL_PER_WEEKDAY * (weekend ? 0.5 : 1) * shock;
            double dayShare = share * Math.exp(SHARE_SD * random.nextGaussian() - SHARE_SD * SHARE_SD / 2)
                    * (inBurst(day) ? factor : 1);
            int articles = poisson(random, total * dayShare / MENTIONS_PER_ARTICLE);
            for (int a = 0; a < articles; a++) {
                long published = day * 1440L + random.nextInt(1440);
                long arrival = random.nextDouble() < LATE_SHARE ? published + 1440L * (1 + random.nextInt(2))
                        : published + DELAY_MINUTES;
                int count = 1 + poisson(random, MENTIONS_PER_ARTICLE - 1);
                for (int m = 0; m < count; m++) {
                    mentions.add(new long[] {arrival, day});
                }
            }
            others[day] = poisson(random, total * (1 - Math.min(dayShare, 0.9)));
        }
        mentions.sort(Comparator.comparingLong(m -> m[0]));
        return new Drawn(others, mentions);
    }

    /** Poisson draws: by multiplication for small means, by the normal approximation above 50. */
    static int poisson(Random random, double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
