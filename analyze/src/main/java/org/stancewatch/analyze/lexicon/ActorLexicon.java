package org.stancewatch.analyze.lexicon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The actors of {@code actors.yml}, by id, in file order. */
public record ActorLexicon(List<Actor> actors) {

    public ActorLexicon {
        actors = List.copyOf(actors);
    }

    public Optional<Actor> find(String id) {
        return actors.stream().filter(actor -> actor.id().equals(id)).findFirst();
    }

    public Map<String, Actor> byId() {
        Map<String, Actor> byId = new LinkedHashMap<>();
        actors.forEach(actor -> byId.put(actor.id(), actor));
        return byId;
    }
}
