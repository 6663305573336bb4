package org.charter.service.security;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.charter.model.common.BusinessException;
import org.charter.model.people.Account;
import org.charter.service.database.DatabaseClock;

/**
 * Sign-in and the first password. Works on the account registry only (no tenant is known yet), with the
 * database clock, and counts failures under a row lock so parallel guesses cannot slip past the counter.
 */
@Stateless
public class SignInService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    DatabaseClock clock;

    @Inject
    SecurityAudit securityAudit;

    public SignInOutcome signIn(String username, String password) {
        Optional<Account> found = findUsable(username);
        if (found.isEmpty() || password == null || password.length() > PasswordHasher.MAX_LENGTH) {
            hasher.verifyDecoy(password == null ? "" : password);
            return SignInOutcome.wrong();
        }
        Account account = found.get();
        OffsetDateTime now = databaseNow();
        if (account.isLockedAt(now)) {
            return SignInOutcome.mustWait(Duration.between(now, account.getLockedUntil()));
        }
        boolean matches = account.hasPassword() && hasher.verify(password, account.getPasswordHash());
        em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        if (matches) {
            account.recordSignIn();
            return SignInOutcome.signedIn(account.getRoles());
        }
        account.recordFailedSignIn(now);
        if (!account.isLockedAt(now)) {
            return SignInOutcome.wrong();
        }
        securityAudit.record(
                account.getFranchiseId(),
                account.getUsername(),
                "account.slowedDown",
                account.getId(),
                account.getFailedAttempts() + " failed attempts");
        return SignInOutcome.mustWait(Duration.between(now, account.getLockedUntil()));
    }

    /** Sets the password with a one-time code; the code stops working. */
    public void choosePassword(String username, String code, String newPassword) {
        Account account = findUsable(username)
                .filter(a -> a.setupCodeMatches(SetupCodes.hash(code), databaseNow()))
                .orElseThrow(() -> new BusinessException("error.setupCode"));
        checkPolicy(account.getUsername(), newPassword);
        account.choosePassword(hasher.hash(newPassword));
        securityAudit.record(
                account.getFranchiseId(), account.getUsername(), "account.passwordChosen", account.getId(), null);
    }

    /** How long the account must wait before the next attempt, if it has been slowed down. */
    public Optional<Duration> waitBeforeNextAttempt(String username) {
        OffsetDateTime now = databaseNow();
        return findUsable(username)
                .filter(account -> account.isLockedAt(now))
                .map(account -> Duration.between(now, account.getLockedUntil()));
    }

    /**
     * Confirms, on a shared device, that the person at it owns {@code accountId}: their PIN or their password,
     * counted against the same failure limit as signing in, in a transaction of its own so a failure counts even
     * when the caller's work is rolled back. Returns how they confirmed ("PIN" or "PASSWORD"), or nothing when
     * the PIN or password was wrong; refuses at once while the account is slowed down.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> confirmOwner(String accountId, String secret) {
        Account account = em.find(Account.class, accountId);
        if (account == null || !account.isActive()) {
            throw new BusinessException("error.session.secret");
        }
        OffsetDateTime now = databaseNow();
        if (account.isLockedAt(now)) {
            throw new BusinessException(
                    "error.session.wait",
                    Math.max(1, Duration.between(now, account.getLockedUntil()).toSeconds()));
        }
        String given = secret == null ? "" : secret.strip();
        if (given.isEmpty() || given.length() > PasswordHasher.MAX_LENGTH) {
            return Optional.empty();
        }
        String method = null;
        if (account.hasPin() && hasher.verify(given, account.getPinHash())) {
            method = "PIN";
        } else if (account.hasPassword() && hasher.verify(given, account.getPasswordHash())) {
            method = "PASSWORD";
        }
        em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        if (method != null) {
            account.recordSignIn();
            return Optional.of(method);
        }
        account.recordFailedSignIn(now);
        securityAudit.record(
                account.getFranchiseId(),
                account.getUsername(),
                "account.confirmationFailed",
                account.getId(),
                account.getFailedAttempts() + " failed attempts");
        return Optional.empty();
    }

    /** Sets the signed-in person's PIN for shared devices, after they confirm with their password. */
    public void choosePin(String username, String password, String pin) {
        Account account = findUsable(username).orElseThrow(() -> new BusinessException("error.pin.password"));
        if (password == null
                || password.length() > PasswordHasher.MAX_LENGTH
                || !account.hasPassword()
                || !hasher.verify(password, account.getPasswordHash())) {
            throw new BusinessException("error.pin.password");
        }
        if (pin == null || !pin.matches("[0-9]{4,8}") || pin.chars().distinct().count() == 1) {
            throw new BusinessException("error.pin.format");
        }
        account.choosePin(hasher.hash(pin));
        securityAudit.record(
                account.getFranchiseId(), account.getUsername(), "account.pinChosen", account.getId(), null);
    }

    public static void checkPolicy(String username, String password) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw new BusinessException("error.password.short", PasswordHasher.MIN_LENGTH);
        }
        if (password.length() > PasswordHasher.MAX_LENGTH) {
            throw new BusinessException("error.tooLong", "password", PasswordHasher.MAX_LENGTH);
        }
        if (password.equalsIgnoreCase(username)) {
            throw new BusinessException("error.password.username");
        }
    }

    private Optional<Account> findUsable(String username) {
        if (username == null || username.isBlank() || username.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery(
                        "select a from Account a where a.username = :username and a.active = true"
                                + " and (a.franchiseId is null or exists (select f from Franchise f"
                                + " where f.id = a.franchiseId and f.status = org.charter.model.franchise.FranchiseStatus.ACTIVE))",
                        Account.class)
                .setParameter("username", username.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    private OffsetDateTime databaseNow() {
        return clock.now();
    }
}
