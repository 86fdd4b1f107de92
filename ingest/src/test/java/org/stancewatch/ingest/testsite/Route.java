package org.stancewatch.ingest.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** One behaviour of the fixture server at one host and path. */
@FunctionalInterface
public interface Route {
    void handle(HttpExchange exchange) throws IOException;
}
