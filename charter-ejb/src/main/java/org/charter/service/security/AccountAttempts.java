package org.charter.service.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.charter.model.people.Account;
import org.charter.model.people.Role;
import org.charter.service.database.DatabaseClock;

/**
 * The short, locked steps around a check of a secret, each in a transaction of its own so that no row lock,
 * transaction or connection is held while the slow hash runs: {@link #reserve} counts the attempt before the
 * check (under the account's row lock, so parallel guesses queue and only the allowed number go ahead), and
 * {@link #succeeded} clears the counter after a right one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AccountAttempts {

    /** An account that may sign in: active, and a platform administrator or in a franchise that is active. */
    private static final String MAY_SIGN_IN = "a.active = true and (a.franchiseId is null or exists (select f"
            + " from Franchise f where f.id = a.franchiseId"
            + " and f.status = org.charter.model.franchise.FranchiseStatus.ACTIVE))";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    DatabaseClock clock;

    @Inject
    SecurityAudit securityAudit;

    /** What the slow check needs, read under the row lock; {@code allowed} is false while the account waits. */
    public record Reservation(
            String accountId,
            String franchiseId,
            String username,
            java.util.Set<Role> roles,
            String passwordHash,
            String pinHash,
            boolean allowed,
            int generation,
            OffsetDateTime now) {}

    public Optional<Reservation> reserveByUsername(String username) {
        if (username == null || username.isBlank() || username.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.username = :username and " + MAY_SIGN_IN, Account.class)
                .setParameter("username", username.strip().toLowerCase(Locale.ROOT))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .map(this::reserve);
    }

    public Optional<Reservation> reserveById(String accountId) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        return account == null || !account.isActive() ? Optional.empty() : Optional.of(reserve(account));
    }

    private Reservation reserve(Account account) {
        OffsetDateTime now = clock.now();
        boolean wasWaiting = account.isLockedAt(now);
        boolean allowed = account.reserveAttempt(now);
        if (allowed && account.isLockedAt(now) && !wasWaiting) {
            securityAudit.record(
                    account.getFranchiseId(),
                    account.getUsername(),
                    "account.slowedDown",
                    account.getId(),
                    account.getFailedAttempts() + " failed attempts");
        }
        return new Reservation(
                account.getId(),
                account.getFranchiseId(),
                account.getUsername(),
                account.getRoles(),
                account.getPasswordHash(),
                account.getPinHash(),
                allowed,
                account.getCredentialGeneration(),
                now);
    }

    /** The secret was right: the reserved failure and any earlier ones are cleared. */
    public void succeeded(String accountId) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account != null) {
            account.recordSignIn();
        }
    }

    /**
     * Sets a password with a one-time code: false when the code is wrong or expired (the caller cannot tell
     * which). The new password was hashed beforehand.
     */
    public boolean choosePassword(String username, String codeHash, String newPasswordHash) {
        Optional<Account> found = em.createQuery(
                        "select a from Account a where a.username = :username and a.active = true", Account.class)
                .setParameter(
                        "username", username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
        if (found.isEmpty()) {
            return false;
        }
        Account account = found.get();
        OffsetDateTime now = clock.now();
        // not held back by the sign-in wait, so a fresh code from the manager always works: the code is long and
        // random, and tries are limited per client address and for the instance (AttemptLimits)
        if (!account.setupCodeMatches(codeHash, now)) {
            return false;
        }
        account.choosePassword(newPasswordHash);
        securityAudit.record(
                account.getFranchiseId(), account.getUsername(), "account.passwordChosen", account.getId(), null);
        return true;
    }

    /** Sets the PIN after the password was checked outside this transaction; ends the person's other sessions. */
    public int choosePin(String accountId, String pinHash, int expectedGeneration) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.getCredentialGeneration() != expectedGeneration) {
            throw new org.charter.model.common.BusinessException("error.pin.password");
        }
        account.recordSignIn();
        account.choosePin(pinHash);
        securityAudit.record(
                account.getFranchiseId(), account.getUsername(), "account.pinChosen", account.getId(), null);
        return account.getCredentialGeneration();
    }

    /** The generation of a signed-in account's credentials, or empty when it may no longer sign in. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Integer> generationOf(String username) {
        return em.createQuery(
                        "select a.credentialGeneration from Account a where a.username = :username and " + MAY_SIGN_IN,
                        Integer.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }
}
