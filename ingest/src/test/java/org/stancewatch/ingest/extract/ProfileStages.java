package org.stancewatch.ingest.extract;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

public class ProfileStages {
    public static void main(String[] args) throws Exception {
        EvalSet set = EvalSet.load(Integer.MAX_VALUE);
        long[] t = new long[8];
        for (int round = 0; round < 2; round++) {
            java.util.Arrays.fill(t, 0);
            int errors = 0;
            for (EvalSet.Page page : set.pages()) {
                try {
                long a = System.nanoTime();
                String html = PageDecoder.decode(page.html(), "text/html").text();
                long b = System.nanoTime();
                Document doc = Jsoup.parse(html, page.url());
                long c = System.nanoTime();
                PageMetadata md = MetadataReader.read(doc, page.uri());
                long d = System.nanoTime();
                var root = doc.body();
                root.filter(new Pruner(TextStats.visibleChars(root.text()), 0.25));
                long e = System.nanoTime();
                TextStats stats = TextStats.measure(root);
                long f = System.nanoTime();
                Element m0 = MainContent.find(root, stats); m0.filter(new Pruner(stats.of(m0).chars, 0.5)); var main = java.util.List.of(m0);
                long g = System.nanoTime();
                String text = TextLines.render(main, md.title());
                long h = System.nanoTime();
                LanguageGuess.of(text, md.declaredLanguage());
                long i = System.nanoTime();
                t[0]+=b-a; t[1]+=c-b; t[2]+=d-c; t[3]+=e-d; t[4]+=f-e; t[5]+=g-f; t[6]+=h-g; t[7]+=i-h;
                } catch (Exception ex) { errors++; if (round==0) System.out.println(page.file()+" "+ex); }
            }
            String[] names = {"decode","parse","metadata","prune","stats","score","render","language"};
            for (int k = 0; k < 8; k++) System.out.printf("%-10s %.2f ms/page%n", names[k], t[k]/1e6/set.pages().size());
            System.out.println("errors " + errors);
        }
    }
}
