package org.charter.service.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Token buckets in front of every check of a secret: per client address (or, for signing on a shared device,
 * per device holder) and one for the whole instance, because each password check costs a core a few hundred
 * milliseconds. The per-account slow-down ({@code Account.reserveAttempt}) stops guessing one person's
 * password; these stop one address from guessing many and a flood from tying up the server. Buckets live in
 * this instance's memory, at most {@link #MAX_KEYS} keys, least recently used first out: with several
 * instances each has its own allowance, which the per-account counter in the database caps anyway.
 */
@ApplicationScoped
public class AttemptLimits {

    /** What is being tried. */
    public enum Kind {
        SIGN_IN,
        SET_PASSWORD,
        PIN,
        /**
         * Checks of one account's secret from one source (a client address, or the device holder for PINs):
         * five at once, then one per ten minutes. Failures the account counts are forgiven faster than one source
         * can add them, so no single source can keep a person slowed down.
         */
        ACCOUNT_FROM_SOURCE
    }

    /** Checks of one account's secret from one source before it must wait. */
    public static final int ACCOUNT_FROM_SOURCE_BURST = 5;

    static final int MAX_KEYS = 10_000;

    private final Map<Kind, Bandwidth> perKey = new EnumMap<>(Kind.class);
    private final Bucket global;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public AttemptLimits() {
        this(
                setting("charter.limits.sign-in-per-address-per-minute", 30),
                setting("charter.limits.pin-per-device-per-minute", 20),
                setting("charter.limits.secret-checks-per-second", 20));
    }

    /** Attempts per key and minute for sign-in and set-password, for PINs per device; checks per second overall. */
    public AttemptLimits(int perAddressPerMinute, int pinPerDevicePerMinute, int checksPerSecond) {
        Bandwidth address = perMinute(perAddressPerMinute);
        perKey.put(Kind.SIGN_IN, address);
        perKey.put(Kind.SET_PASSWORD, address);
        perKey.put(Kind.PIN, perMinute(pinPerDevicePerMinute));
        perKey.put(
                Kind.ACCOUNT_FROM_SOURCE,
                Bandwidth.builder()
                        .capacity(ACCOUNT_FROM_SOURCE_BURST)
                        .refillGreedy(1, Duration.ofMinutes(10))
                        .build());
        global = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(checksPerSecond * 2L)
                        .refillGreedy(checksPerSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }

    /**
     * Takes one attempt of {@code kind} for {@code key} (a client address, or the device holder for PINs). Empty
     * when it may go ahead; otherwise how long to wait, and nothing was taken from the instance's allowance.
     */
    public Optional<Duration> tryAttempt(Kind kind, String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(
                    kind + " " + key,
                    k -> Bucket.builder().addLimit(perKey.get(kind)).build());
        }
        ConsumptionProbe own = bucket.tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            return Optional.of(roundUp(own.getNanosToWaitForRefill()));
        }
        if (kind == Kind.ACCOUNT_FROM_SOURCE) {
            // the same attempt already took its share of the instance's checks at the door (SIGN_IN or PIN)
            return Optional.empty();
        }
        ConsumptionProbe all = global.tryConsumeAndReturnRemaining(1);
        if (!all.isConsumed()) {
            bucket.addTokens(1);
            return Optional.of(roundUp(all.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    /** The attempt turned out right: it is given back, so only failures use up a key's allowance. */
    public void succeeded(Kind kind, String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(kind + " " + key);
        }
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    int keys() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private static Bandwidth perMinute(int attempts) {
        return Bandwidth.builder()
                .capacity(attempts)
                .refillGreedy(attempts, Duration.ofMinutes(1))
                .build();
    }

    private static Duration roundUp(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private static int setting(String key, int fallback) {
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(fallback);
    }
}
