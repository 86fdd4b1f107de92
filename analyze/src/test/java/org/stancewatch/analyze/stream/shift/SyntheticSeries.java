package org.stancewatch.analyze.stream.shift;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.stancewatch.model.DateSource;
import org.stancewatch.model.Mention;
import org.stancewatch.model.Polarity;

/**
 * A synthetic stance series for the detection study, drawn from a model with the structure of
 * news coverage rather than independent draws: articles arrive as a Poisson process (fewer at
 * weekends), each carries a few mentions of the actor that share the article's slant, each day
 * has a news-cycle effect shared by its articles, and some articles arrive a day or two late.
 *
 * <pre>
 *   score = clamp(tone(day) + dayEffect + articleEffect + noise, -1, 1)
 *   dayEffect ~ N(0, 0.08²), articleEffect ~ N(0, 0.2²), noise ~ N(0, 0.3²)
 *   tone(day) = base, or base + shift from shiftDay on
 * </pre>
 *
 * @param articlesPerDay mean articles per weekday
 * @param days           length of the series
 * @param shiftDay       first day of the new tone, or -1 for none
 * @param shift          size of the change of tone (signed)
 */
record SyntheticSeries(double articlesPerDay, int days, int shiftDay, double shift) {
    static final Instant START = Instant.parse("2010-01-04T00:00:00Z"); // a Monday
    static final double DAY_SD = 0.08;
    static final double ARTICLE_SD = 0.2;
    static final double NOISE_SD = 0.3;
    static final double LATE_SHARE = 0.1;

    /** A mention in the order the pipeline would receive it. */
    record Arrival(long arrivalMinute, Mention mention) {}

    /** The series' mentions in arrival order, drawn from the given seed. */
    List<Arrival> draw(long seed) {
        Random random = new Random(seed);
        double base = -0.3 + 0.5 * random.nextDouble();
        List<Arrival> arrivals = new ArrayList<>();
        int article = 0;
        for (int day = 0; day < days; day++) {
            double tone = base + (shiftDay >= 0 && day >= shiftDay ? shift : 0);
            double dayEffect = DAY_SD * random.nextGaussian();
            boolean weekend = day % 7 >= 5;
            int articles = poisson(random, articlesPerDay * (weekend ? 0.5 : 1.0));
            for (int a = 0; a < articles; a++, article++) {
                double articleEffect = ARTICLE_SD * random.nextGaussian();
                long publishedMinute = day * 1440L + random.nextInt(1440);
                long arrivalMinute = random.nextDouble() < LATE_SHARE
                        ? publishedMinute + 1440L * (1 + random.nextInt(2)) : publishedMinute + 30;
                int mentions = 1 + poisson(random, 1.5);
                for (int m = 0; m < mentions; m++) {
                    double score = clamp(tone + dayEffect + articleEffect + NOISE_SD * random.nextGaussian());
                    arrivals.add(new Arrival(arrivalMinute, mention("a" + article, m, publishedMinute, score)));
                }
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::arrivalMinute));
        return arrivals;
    }

    private static Mention mention(String articleId, int index, long publishedMinute, double score) {
        Instant published = START.plus(Duration.ofMinutes(publishedMinute));
        Polarity polarity = score > 0.1 ? Polarity.POSITIVE : score < -0.1 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        return new Mention(articleId + "-" + index, articleId, 1, "https://synthetic.example/" + articleId,
                "synthetic.example", published, DateSource.META, "actor", "Actor", List.of(), index,
                "Sentence " + index + " of " + articleId + ".", score, polarity, 0.8, "", false, null, "synthetic/1");
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static double clamp(double value) {
        return Math.max(-1, Math.min(1, value));
    }
}
