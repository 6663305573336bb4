package org.charter.web.publication;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * A cache that never grows past a number of entries nor past a weight (roughly bytes): the least recently used
 * entries go first. Entries may also expire some time after they were stored ({@link Expiry#AFTER_WRITE}) or after
 * they were last read ({@link Expiry#AFTER_ACCESS}). One lock guards the map; loading happens outside it, and
 * concurrent loads of the same key run once, the others waiting for that result. The map of loads in progress
 * holds at most one entry per request being served, and each is removed when its load ends.
 */
public final class BoundedCache<K, V> {

    public enum Expiry {
        AFTER_WRITE,
        AFTER_ACCESS
    }

    private static final class Entry<V> {
        final V value;
        final long weight;
        long stamp;

        Entry(V value, long weight, long stamp) {
            this.value = value;
            this.weight = weight;
            this.stamp = stamp;
        }
    }

    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final long ttlNanos;
    private final Expiry expiry;
    private final LongSupplier clock;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();
    private final AtomicLong loads = new AtomicLong();
    private long weight;

    public BoundedCache(int maxEntries, long maxWeight, ToLongFunction<V> weigher, long ttlNanos, Expiry expiry) {
        this(maxEntries, maxWeight, weigher, ttlNanos, expiry, System::nanoTime);
    }

    BoundedCache(
            int maxEntries,
            long maxWeight,
            ToLongFunction<V> weigher,
            long ttlNanos,
            Expiry expiry,
            LongSupplier clock) {
        if (maxEntries < 1 || maxWeight < 1 || ttlNanos < 1) {
            throw new IllegalArgumentException("a cache needs room for one entry and a positive keep-time");
        }
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
        this.ttlNanos = ttlNanos;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** The value kept for {@code key}, or null when there is none or it expired. */
    public V get(K key) {
        long now = clock.getAsLong();
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (now - entry.stamp >= ttlNanos) {
                remove(key);
                return null;
            }
            if (expiry == Expiry.AFTER_ACCESS) {
                entry.stamp = now;
            }
            return entry.value;
        }
    }

    /**
     * The value kept for {@code key}, else what {@code loader} makes of it (kept unless null). Several callers
     * asking for the same missing key at once share one load. What the loader throws reaches every one of them.
     */
    public V get(K key, Function<K, V> loader) {
        V kept = get(key);
        if (kept != null) {
            return kept;
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            V value = get(key);
            if (value == null) {
                loads.incrementAndGet();
                value = loader.apply(key);
                if (value != null) {
                    put(key, value);
                }
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    void put(K key, V value) {
        long itemWeight = Math.max(1, weigher.applyAsLong(value));
        if (itemWeight > maxWeight) {
            return; // larger than the whole cache: serve it, keep nothing
        }
        long now = clock.getAsLong();
        synchronized (entries) {
            Entry<V> old = entries.put(key, new Entry<>(value, itemWeight, now));
            if (old != null) {
                weight -= old.weight;
            }
            weight += itemWeight;
            Iterator<Map.Entry<K, Entry<V>>> eldest = entries.entrySet().iterator();
            while ((entries.size() > maxEntries || weight > maxWeight) && eldest.hasNext()) {
                Map.Entry<K, Entry<V>> next = eldest.next();
                weight -= next.getValue().weight;
                eldest.remove();
            }
        }
    }

    void remove(K key) {
        synchronized (entries) {
            Entry<V> old = entries.remove(key);
            if (old != null) {
                weight -= old.weight;
            }
        }
    }

    /** Drops every entry whose key matches; a load running at the same time may still keep what it read. */
    public void removeIf(java.util.function.Predicate<K> matching) {
        synchronized (entries) {
            Iterator<Map.Entry<K, Entry<V>>> all = entries.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<K, Entry<V>> next = all.next();
                if (matching.test(next.getKey())) {
                    weight -= next.getValue().weight;
                    all.remove();
                }
            }
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    long weight() {
        synchronized (entries) {
            return weight;
        }
    }

    /** How many times a loader ran: a load is a miss. */
    long loads() {
        return loads.get();
    }

    int maxEntries() {
        return maxEntries;
    }

    long maxWeight() {
        return maxWeight;
    }
}
