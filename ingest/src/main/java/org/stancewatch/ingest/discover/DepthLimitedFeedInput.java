package org.stancewatch.ingest.discover;

import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Rome's feed input with a limit on how deeply elements nest. Rome and JDOM render an entry's
 * markup recursively, so a feed nested a few thousand levels deep (a few kilobytes) would end
 * in a StackOverflowError; past the limit the parse fails like any malformed feed instead.
 * Real feeds nest a dozen levels, embedded XHTML included.
 */
final class DepthLimitedFeedInput extends WireFeedInput {
    static final int MAX_DEPTH = 256;

    DepthLimitedFeedInput() {
        setAllowDoctypes(false);
    }

    @Override
    protected SAXBuilder createSAXBuilder() {
        SAXBuilder builder = super.createSAXBuilder();
        builder.setXMLFilter(new DepthLimit());
        return builder;
    }

    /** Counts open elements as the SAX events pass and stops the parse past the limit. */
    private static final class DepthLimit extends XMLFilterImpl {
        private int depth;

        @Override
        public void startDocument() throws SAXException {
            depth = 0;
            super.startDocument();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (++depth > MAX_DEPTH) {
                throw new SAXException("elements nested more than " + MAX_DEPTH + " levels deep");
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            super.endElement(uri, localName, qName);
        }
    }
}
