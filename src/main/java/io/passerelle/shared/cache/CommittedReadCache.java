package io.passerelle.shared.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Database reads remembered for a time to live, for the hot paths that ask the same thing many times a second, and
 * forgotten as soon as a change of what they read commits on this node: its owner evicts the entries the change
 * touched ({@link #evict}, from an after-commit listener). A read that was under way while an eviction happened is
 * not kept, since it may have read the old state: every eviction moves a generation, and an answer read under an
 * older one is dropped. On other nodes of a cluster an entry may outlive the change by at most the time to live.
 * A time to live of zero turns the cache off: every read goes to the database.
 *
 * @param <K> what is asked
 * @param <V> the answer; a null answer is never kept
 */
public final class CommittedReadCache<K, V> {

    private final Cache<K, V> entries;
    private final AtomicLong generation = new AtomicLong();

    public CommittedReadCache(Duration timeToLive, long maximumSize) {
        this.entries = timeToLive.isPositive()
                ? Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build()
                : null;
    }

    /** The remembered answer, or {@code read}'s (then remembered unless null). */
    public V get(K key, Function<? super K, ? extends V> read) {
        if (entries == null) {
            return read.apply(key);
        }
        V known = entries.getIfPresent(key);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        V answer = read.apply(key);
        if (answer != null) {
            keep(before, Map.of(key, answer));
        }
        return answer;
    }

    /** {@link #get} for several keys: those not remembered are read at once, by {@code read}. */
    public Map<K, V> getAll(Collection<? extends K> keys, Function<Set<K>, Map<K, V>> read) {
        if (entries == null) {
            return read.apply(Set.copyOf(keys));
        }
        Map<K, V> answers = new HashMap<>(entries.getAllPresent(keys));
        Set<K> missing = new HashSet<>(keys);
        missing.removeAll(answers.keySet());
        if (!missing.isEmpty()) {
            long before = generation.get();
            Map<K, V> fresh = read.apply(missing);
            answers.putAll(fresh);
            keep(before, fresh);
        }
        return answers;
    }

    /** Once a change committed: the entries it touched are read again from the database. */
    public void evict(BiPredicate<? super K, ? super V> touched) {
        if (entries == null) {
            return;
        }
        generation.incrementAndGet();
        entries.asMap().entrySet().removeIf(entry -> touched.test(entry.getKey(), entry.getValue()));
    }

    private void keep(long readUnder, Map<K, V> answers) {
        if (generation.get() != readUnder) {
            return;
        }
        answers.forEach((key, answer) -> {
            if (answer != null) {
                entries.put(key, answer);
            }
        });
        // an eviction between the test above and the puts may not have seen these entries: take them back
        if (generation.get() != readUnder) {
            entries.invalidateAll(answers.keySet());
        }
    }
}
