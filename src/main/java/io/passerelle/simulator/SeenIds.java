package io.passerelle.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The webhook ids already processed, the most recent ones only: retries come within hours, not weeks. */
final class SeenIds {

    private final Map<String, Boolean> ids;

    SeenIds(int capacity) {
        ids = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is seen, false on every later delivery of the same message. */
    synchronized boolean firstSighting(String id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Lets a message whose processing failed be processed when it is delivered again. */
    synchronized void forget(String id) {
        ids.remove(id);
    }
}
