package org.charter.service.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Proof that the person owning {@code accountId} confirmed with their own PIN at a shared device, a moment
 * ago. Only {@link SignInService} makes one; the training services accept it for that person only, and only
 * while it is fresh.
 */
public final class DeviceConfirmation implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How long one PIN entry covers the quiz and the signature that follow it. */
    public static final Duration VALID_FOR = Duration.ofMinutes(15);

    private final String accountId;
    private final OffsetDateTime confirmedAt;

    private DeviceConfirmation(String accountId, OffsetDateTime confirmedAt) {
        this.accountId = accountId;
        this.confirmedAt = confirmedAt;
    }

    static DeviceConfirmation of(String accountId, OffsetDateTime confirmedAt) {
        return new DeviceConfirmation(accountId, confirmedAt);
    }

    public boolean covers(String accountId, OffsetDateTime now) {
        return this.accountId.equals(accountId) && now.isBefore(confirmedAt.plus(VALID_FOR));
    }
}
