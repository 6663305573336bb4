package org.charter.model.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.Lengths;

/**
 * The credentials behind a sign-in: a username (no e-mail needed; frontline staff often have none), a password
 * hash or a one-time set-password code, roles, and the failed-attempt counter that slows down guessing.
 * Accounts are the platform's registry of sign-ins, looked up before any tenant is known, so this table holds
 * no personal data: names and the rest live in {@link Person}, which is tenant-owned.
 */
@Entity
@Table(name = "account")
public class Account implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /**
     * Failed attempts allowed before each further one makes the account wait. Each source (client address or
     * device) gets only a few checks of one account and then one per ten minutes (the service's limits), so this
     * counter is the ceiling for guesses from many sources at once.
     */
    public static final int FREE_ATTEMPTS = 20;

    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    /** One failure is forgiven for each such stretch without a new one, so a slowed-down account recovers by itself. */
    public static final Duration FORGIVE_EVERY = Duration.ofMinutes(5);

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "franchise_id", length = 36)
    private String franchiseId;

    @Column(nullable = false, length = Lengths.USERNAME)
    private String username;

    @Column(nullable = false, length = 128)
    private String roles;

    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    /** A short number for signing on a shared device during a training session; hashed like the password. */
    @Column(name = "pin_hash", length = 200)
    private String pinHash;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "last_failed_at")
    private OffsetDateTime lastFailedAt;

    /** Goes up whenever the password, PIN or access changes: sessions signed in under an older one end. */
    @Column(name = "credential_generation", nullable = false)
    private int credentialGeneration;

    @Column(name = "setup_code_hash", length = 64)
    private String setupCodeHash;

    @Column(name = "setup_code_expires_at")
    private OffsetDateTime setupCodeExpiresAt;

    @Version
    private long version;

    protected Account() {}

    /** A franchise account; {@code franchiseId} is null only for platform administrators. */
    public Account(String franchiseId, String username, Set<Role> roles) {
        this.id = Ids.newId();
        this.username = normaliseUsername(username);
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs a role");
        }
        boolean platform = roles.contains(Role.PLATFORM_ADMIN);
        if (platform != (franchiseId == null) || (platform && roles.size() > 1)) {
            throw new IllegalArgumentException("platform administrators belong to no franchise, everyone else to one");
        }
        this.franchiseId = franchiseId;
        this.roles = Role.join(roles);
    }

    /**
     * The username of someone who comes from another system without one: the franchise's slug and their employee
     * number, made fit for a username ({@code acme.e-1042}).
     */
    public static String defaultUsername(String slug, String employeeNumber) {
        String tidy = employeeNumber.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        String username = slug + "." + tidy;
        return username.length() > 64 ? username.substring(0, 64) : username;
    }

    public static String normaliseUsername(String username) {
        String tidy = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(tidy).matches()) {
            throw new BusinessException("error.username");
        }
        return tidy;
    }

    /** A new one-time code replaces any earlier code and any password: the person must choose a new one. */
    public void issueSetupCode(String codeHash, OffsetDateTime expiresAt) {
        this.setupCodeHash = Objects.requireNonNull(codeHash);
        this.setupCodeExpiresAt = Objects.requireNonNull(expiresAt);
        this.passwordHash = null;
        this.pinHash = null;
        this.failedAttempts = 0;
        this.lockedUntil = null;
        this.lastFailedAt = null;
        credentialsChanged();
    }

    public boolean setupCodeMatches(String codeHash, OffsetDateTime now) {
        return setupCodeHash != null
                && setupCodeExpiresAt != null
                && now.isBefore(setupCodeExpiresAt)
                && java.security.MessageDigest.isEqual(
                        setupCodeHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        codeHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public void choosePassword(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash);
        this.setupCodeHash = null;
        this.setupCodeExpiresAt = null;
        this.failedAttempts = 0;
        this.lockedUntil = null;
        this.lastFailedAt = null;
        credentialsChanged();
    }

    public boolean isLockedAt(OffsetDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a failed sign-in. Past {@link #FREE_ATTEMPTS} each failure makes the account wait, twice as long
     * each time (30 s, 1 min, 2 min … at most 15 min), which slows guessing without locking anyone out for good:
     * one failure is forgiven for every {@link #FORGIVE_EVERY} since the last one.
     */
    public void recordFailedSignIn(OffsetDateTime now) {
        failedAttempts = failuresCountingAt(now) + 1;
        lastFailedAt = now;
        if (failedAttempts >= FREE_ATTEMPTS) {
            int doublings = Math.min(failedAttempts - FREE_ATTEMPTS, 10);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            lockedUntil = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        } else {
            lockedUntil = null;
        }
    }

    /**
     * Reserves one check of a secret, before the (slow) check runs: refused while the account must wait, else
     * counted as a failure at once and cleared again by {@link #recordSignIn()} if the secret was right. Done
     * under the row lock, parallel guesses cannot get more checks than the counter allows.
     */
    public boolean reserveAttempt(OffsetDateTime now) {
        if (isLockedAt(now)) {
            return false;
        }
        recordFailedSignIn(now);
        return true;
    }

    /** The failures that still count: the recorded ones less one for each {@link #FORGIVE_EVERY} since the last. */
    public int failuresCountingAt(OffsetDateTime now) {
        if (failedAttempts == 0 || lastFailedAt == null) {
            return failedAttempts;
        }
        long forgiven = Math.max(0, Duration.between(lastFailedAt, now).toSeconds()) / FORGIVE_EVERY.toSeconds();
        return (int) Math.max(0, failedAttempts - forgiven);
    }

    public void recordSignIn() {
        failedAttempts = 0;
        lockedUntil = null;
        lastFailedAt = null;
    }

    public void deactivate() {
        this.active = false;
        this.setupCodeHash = null;
        this.setupCodeExpiresAt = null;
        credentialsChanged();
    }

    public void reactivate() {
        this.active = true;
        credentialsChanged();
    }

    /** Ends every session signed in with the credentials or access held until now. */
    public void credentialsChanged() {
        credentialGeneration++;
    }

    public int getCredentialGeneration() {
        return credentialGeneration;
    }

    public void grant(Set<Role> newRoles) {
        if (franchiseId == null || newRoles.isEmpty() || newRoles.contains(Role.PLATFORM_ADMIN)) {
            throw new IllegalArgumentException("franchise roles only");
        }
        String joined = Role.join(newRoles);
        if (!joined.equals(roles)) {
            credentialsChanged();
        }
        this.roles = joined;
    }

    public String getId() {
        return id;
    }

    public String getFranchiseId() {
        return franchiseId;
    }

    public String getUsername() {
        return username;
    }

    public Set<Role> getRoles() {
        Set<Role> parsed = Role.split(roles);
        return parsed.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(parsed);
    }

    public boolean hasRole(Role role) {
        return getRoles().contains(role);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void choosePin(String newPinHash) {
        this.pinHash = Objects.requireNonNull(newPinHash);
        credentialsChanged();
    }

    public String getPinHash() {
        return pinHash;
    }

    public boolean hasPin() {
        return pinHash != null;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean isActive() {
        return active;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    public boolean hasOpenSetupCode() {
        return setupCodeHash != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Account a && Objects.equals(id, a.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
