package org.charter.web.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private final AtomicLong now = new AtomicLong();

    private BoundedCache<String, String> cache(int entries, long bytes, BoundedCache.Expiry expiry) {
        return new BoundedCache<>(entries, bytes, String::length, 1_000, expiry, now::get);
    }

    @Test
    void aThousandDifferentKeysNeverGrowItPastItsBound() {
        BoundedCache<String, String> cache = cache(50, Long.MAX_VALUE, BoundedCache.Expiry.AFTER_WRITE);
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < 1000; i++) {
            cache.put("demo|RIX-01|lv|" + day.plusDays(i), "page " + i);
            assertTrue(cache.size() <= 50, "size " + cache.size() + " after " + (i + 1));
        }
        assertEquals(50, cache.size());
        assertEquals("page 999", cache.get("demo|RIX-01|lv|" + day.plusDays(999)));
        assertNull(cache.get("demo|RIX-01|lv|" + day), "the oldest went first");
    }

    @Test
    void theLeastRecentlyUsedGoesFirstNotTheOldest() {
        BoundedCache<String, String> cache = cache(3, Long.MAX_VALUE, BoundedCache.Expiry.AFTER_WRITE);
        cache.put("a", "1");
        cache.put("b", "2");
        cache.put("c", "3");
        cache.get("a"); // a is now the most recently used
        cache.put("d", "4");
        assertNull(cache.get("b"));
        assertEquals("1", cache.get("a"));
        assertEquals("3", cache.get("c"));
        assertEquals("4", cache.get("d"));
    }

    @Test
    void theWeightBoundHoldsToo() {
        BoundedCache<String, String> cache = cache(1_000, 10, BoundedCache.Expiry.AFTER_WRITE);
        cache.put("a", "xxxx");
        cache.put("b", "xxxx");
        assertEquals(8, cache.weight());
        cache.put("c", "xxxx");
        assertEquals(2, cache.size());
        assertEquals(8, cache.weight());
        assertNull(cache.get("a"));
        cache.put("b", "x"); // replacing an entry counts its new weight only
        assertEquals(5, cache.weight());
        cache.put("huge", "x".repeat(11));
        assertNull(cache.get("huge"), "larger than the whole cache: not kept");
        assertEquals(2, cache.size());
    }

    @Test
    void entriesExpireAfterWriteOrAfterTheLastRead() {
        BoundedCache<String, String> written = cache(10, Long.MAX_VALUE, BoundedCache.Expiry.AFTER_WRITE);
        BoundedCache<String, String> read = cache(10, Long.MAX_VALUE, BoundedCache.Expiry.AFTER_ACCESS);
        written.put("k", "v");
        read.put("k", "v");
        now.set(900);
        assertEquals("v", written.get("k"));
        assertEquals("v", read.get("k")); // read at 900: kept until 1,900
        now.set(1_000);
        assertNull(written.get("k"));
        assertEquals(0, written.size(), "an expired entry is dropped when found");
        assertEquals("v", read.get("k"));
        now.set(1_900);
        assertEquals("v", read.get("k")); // read at 1,900: kept until 2,900
        now.set(2_900);
        assertNull(read.get("k"));
    }

    @Test
    void aFranchiseIsForgottenWithAllItsPagesAndNothingElse() {
        BoundedCache<String, String> cache = cache(10, 1_000, BoundedCache.Expiry.AFTER_WRITE);
        cache.put("demo|RIX-01|lv|2026-01-15", "aaaa");
        cache.put("demo|null|en|2026-01-15", "bbb");
        cache.put("demonstration|null|en|none", "cc");
        cache.removeIf(key -> key.startsWith("demo|"));
        assertEquals(1, cache.size());
        assertEquals(2, cache.weight(), "the weight of what was dropped is given back");
        assertNull(cache.get("demo|RIX-01|lv|2026-01-15"));
        assertEquals("cc", cache.get("demonstration|null|en|none"), "a franchise whose name begins alike stays");
    }

    @Test
    void aMissingKeyIsLoadedOnceAndNullIsNotKept() {
        BoundedCache<String, String> cache = cache(10, Long.MAX_VALUE, BoundedCache.Expiry.AFTER_WRITE);
        AtomicInteger calls = new AtomicInteger();
        assertEquals("K", cache.get("k", k -> {
            calls.incrementAndGet();
            return k.toUpperCase();
        }));
        assertEquals("K", cache.get("k", k -> {
            calls.incrementAndGet();
            return "other";
        }));
        assertEquals(1, calls.get());
        assertNull(cache.get("nothing", k -> null));
        assertEquals(1, cache.size(), "a miss that found nothing is not kept");
        assertEquals(2, cache.loads());
        assertThrows(
                IllegalStateException.class,
                () -> cache.get("bad", k -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("BAD", cache.get("bad", String::toUpperCase), "a failed load is tried again next time");
    }

    @Test
    void concurrentMissesOfOneKeyShareOneLoad() throws Exception {
        BoundedCache<String, String> cache = new BoundedCache<>(
                10, Long.MAX_VALUE, String::length, TimeUnit.MINUTES.toNanos(1), BoundedCache.Expiry.AFTER_WRITE);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cache.get("pdf", k -> {
                    calls.incrementAndGet();
                    started.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "rendered";
                })));
            }
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Thread.sleep(200); // let the other seven arrive while the first is still loading
            release.countDown();
            String first = results.get(0).get(5, TimeUnit.SECONDS);
            for (Future<String> result : results) {
                assertSame(first, result.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, calls.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
