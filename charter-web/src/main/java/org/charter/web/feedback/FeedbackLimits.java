package org.charter.web.feedback;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.charter.web.publication.BoundedCache;
import org.charter.web.publication.PublicSide;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How much feedback one client address (IPv6: per /64) and one store may send in an hour: token buckets that
 * refill evenly over the hour, kept in this instance for as long as they are in use. A flood from one address
 * stops at its own limit; a flood spread over many addresses stops at the store's. Also the form's timing rules.
 */
@ApplicationScoped
public class FeedbackLimits {

    static final int DEFAULT_PER_ADDRESS = 10;
    static final int DEFAULT_PER_STORE = 300;
    static final int DEFAULT_MIN_FILL_SECONDS = 3;
    static final String DEVELOPMENT_KEY = "development-only-feedback-form-key";

    private static final int MAX_KEYS = 20_000;

    private int perAddress;
    private int perStore;
    private FormToken tokens;

    private final BoundedCache<String, Bucket> buckets = new BoundedCache<>(
            MAX_KEYS, Long.MAX_VALUE, b -> 1, TimeUnit.HOURS.toNanos(1), BoundedCache.Expiry.AFTER_ACCESS);

    @PostConstruct
    void configure() {
        var config = ConfigProvider.getConfig();
        perAddress = config.getOptionalValue("charter.feedback.per-address-per-hour", Integer.class)
                .orElse(DEFAULT_PER_ADDRESS);
        perStore = config.getOptionalValue("charter.feedback.per-store-per-hour", Integer.class)
                .orElse(DEFAULT_PER_STORE);
        int minimum = config.getOptionalValue("charter.feedback.min-fill-seconds", Integer.class)
                .orElse(DEFAULT_MIN_FILL_SECONDS);
        String key = config.getOptionalValue("charter.feedback.form-key", String.class)
                .orElse(DEVELOPMENT_KEY);
        if (perAddress < 1 || perStore < 1 || minimum < 0 || key.length() < 16) {
            throw new IllegalStateException("charter.feedback.*: limits must be at least 1, the minimum fill time at"
                    + " least 0 seconds, and the form key at least 16 characters");
        }
        tokens = new FormToken(key, TimeUnit.SECONDS.toMillis(minimum));
    }

    FormToken tokens() {
        return tokens;
    }

    /** Takes one message from the address's and the store's buckets; empty when allowed, else seconds to wait. */
    OptionalLong refused(String address, String franchise, String store) {
        OptionalLong byAddress = take("a|" + PublicSide.addressKey(address), perAddress);
        if (byAddress.isPresent()) {
            return byAddress;
        }
        return take("s|" + franchise + '|' + store, perStore);
    }

    private OptionalLong take(String key, int perHour) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }
}
