package org.stancewatch.ingest.extract;

import java.net.URI;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

public class DebugPage {
    public static void main(String[] args) throws Exception {
        EvalSet set = EvalSet.load(Integer.MAX_VALUE);
        for (String name : args) {
            EvalSet.Page page = set.pages().stream().filter(p -> p.file().equals(name)).findFirst().orElseThrow();
            String html = PageDecoder.decode(page.html(), "text/html").text();
            Document doc = Jsoup.parse(html, "http://x/");
            PageMetadata md = MetadataReader.read(doc, URI.create("http://x/"));
            Element root = doc.body();
            root.filter(new Pruner(TextStats.visibleChars(root.text()), 0.25));
            TextStats stats = TextStats.measure(root);
            var values = MainContent.values(root, stats);
            for (String w : page.with()) {
                String probe = w.length() > 30 ? w.substring(0, 30) : w;
                var els = doc.getElementsContainingOwnText(probe);
                if (els.isEmpty()) {
                    System.out.println("  PRUNED: " + probe);
                    Document o2 = Jsoup.parse(html, "http://x/");
                    var oe = o2.getElementsContainingOwnText(probe);
                    for (Element e = oe.isEmpty() ? null : oe.first(); e != null; e = e.parent()) {
                        System.out.printf("    orig %s.%s#%s role=%s hidden=%s style=%s bp=%s%n", e.normalName(), e.className().replace(' ', '.'), e.id(), e.attr("role"), e.hasAttr("hidden") + "/" + e.attr("aria-hidden"), e.attr("style"), ClassNames.isBoilerplate(ClassNames.words(e)));
                    }
                    continue;
                }
                for (Element e = els.first(); e != null; e = e.parent()) {
                    System.out.printf("    %s.%s#%s chars=%d value=%.0f bp=%s%n", e.normalName(), e.className().replace(' ', '.'), e.id(), stats.of(e).chars, values.getOrDefault(e, 0.0), ClassNames.isBoilerplate(ClassNames.words(e)));
                }
                break;
            }
            Element m0 = MainContent.find(root, stats); m0.filter(new Pruner(stats.of(m0).chars, 0.5)); List<Element> main = List.of(m0);
            System.out.println("=== " + name);
            for (Element e : main) System.out.println("MAIN: " + e.cssSelector() + " chars=" + stats.of(e).chars);
            String text = TextLines.render(main, md.title());
            System.out.println("WITH: " + page.with());
            System.out.println("WITHOUT: " + page.without());
            String c = EvalSet.collapse(text);
            for (String w : page.with()) System.out.println((c.contains(w) ? "  +" : "  MISSING ") + w);
            // where are the missing segments in the original doc?
            Document orig = Jsoup.parse(html, "http://x/");
            for (String w : page.with()) {
                if (c.contains(w)) continue;
                String probe = w.length() > 30 ? w.substring(0, 30) : w;
                var els = orig.getElementsContainingOwnText(probe);
                for (Element e : els) System.out.println("  found in: " + e.cssSelector());
            }
            System.out.println("TEXT: " + text.substring(0, Math.min(600, text.length())).replace("\n\n", " ¶ "));
        }
    }
}
