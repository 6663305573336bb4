package org.charter.web.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls per token and second, counted on each instance (a cluster of n instances allows up to n times as many).
 * A sync that goes faster is told how long to wait instead of slowing the pages down for everybody.
 */
@ApplicationScoped
public class ApiLimits {

    private static final int MAX_TOKENS = 10_000;

    @Inject
    @ConfigProperty(name = "charter.api.calls-per-second", defaultValue = "50")
    int perSecond;

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TOKENS;
        }
    };

    /** Empty when the call may go ahead, else the seconds to wait. */
    public OptionalLong tryCall(String token) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(
                    token,
                    key -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(perSecond * 2L)
                                    .refillGreedy(perSecond, Duration.ofSeconds(1))
                                    .build())
                            .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
