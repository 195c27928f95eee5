package io.passerelle.health;

import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open screens listening for news about a key (a restaurant, a person), on this node. Listeners are
 * called on the publisher's thread: a screen hands the value to its UI with {@code UI.access}.
 */
public class Broadcast<T> {

    private static final Logger log = LoggerFactory.getLogger(Broadcast.class);

    private final Map<Long, Set<Consumer<T>>> listeners = new ConcurrentHashMap<>();

    public Registration register(long key, Consumer<T> listener) {
        listeners.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether an open screen on this node listens for news about this key: nothing to tell otherwise. */
    boolean isListened(long key) {
        return listeners.containsKey(key);
    }

    void publish(long key, T value) {
        for (Consumer<T> listener : listeners.getOrDefault(key, Set.of())) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                log.warn("A screen listening for updates failed", e);
            }
        }
    }
}
