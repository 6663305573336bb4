package org.charter.service.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.charter.model.common.BusinessException;
import org.charter.service.security.AccountAttempts.Reservation;

/**
 * Sign-in, the first password and the PIN. Works on the account registry only (no tenant is known yet). Every
 * check of a secret goes the same way: the attempt is reserved under the account's row lock in a short
 * transaction of its own ({@link AccountAttempts}), the slow hash runs outside any transaction and without a
 * connection, and a right secret clears the counter in another short transaction. Unknown usernames, accounts
 * that must wait and wrong passwords all cost one hash and get the same answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignInService {

    @Inject
    PasswordHasher hasher;

    @Inject
    AccountAttempts attempts;

    @Inject
    SignInReceipt receipt;

    @Inject
    AttemptLimits limits;

    /** Sign-in from the address the page layer recorded for this request ({@link SignInReceipt#from}). */
    public SignInOutcome signIn(String username, String password) {
        return signIn(username, password, receipt.source());
    }

    /**
     * Checks a password. {@code source} is where the attempt comes from (the client address): each source gets
     * a few failed checks of one account and then one per ten minutes, refused like an account that must wait.
     */
    public SignInOutcome signIn(String username, String password, String source) {
        String given = password == null ? "" : password;
        if (tooManyFrom(username, source)) {
            hasher.verifyDecoy(given.length() > PasswordHasher.MAX_LENGTH ? "" : given);
            return SignInOutcome.mustWait();
        }
        Optional<Reservation> reserved =
                given.length() > PasswordHasher.MAX_LENGTH ? Optional.empty() : attempts.reserveByUsername(username);
        Reservation account = reserved.filter(Reservation::allowed).orElse(null);
        if (account == null || account.passwordHash() == null) {
            hasher.verifyDecoy(given.length() > PasswordHasher.MAX_LENGTH ? "" : given);
            return reserved.isPresent() && !reserved.get().allowed() ? SignInOutcome.mustWait() : SignInOutcome.wrong();
        }
        if (!hasher.verify(given, account.passwordHash())) {
            return SignInOutcome.wrong();
        }
        attempts.succeeded(account.accountId());
        limits.succeeded(AttemptLimits.Kind.ACCOUNT_FROM_SOURCE, sourceKey(username, source));
        receipt.signedIn(account.username(), account.generation());
        return SignInOutcome.signedIn(account.roles());
    }

    /** Sets the password with a one-time code; the code stops working. Tries are limited per client address. */
    public void choosePassword(String username, String code, String newPassword) {
        if (username == null || username.isBlank() || code == null || code.isBlank()) {
            throw new BusinessException("error.setupCode");
        }
        checkPolicy(username.strip().toLowerCase(java.util.Locale.ROOT), newPassword);
        String hash = hasher.hash(newPassword);
        if (!attempts.choosePassword(username, SetupCodes.hash(code), hash)) {
            throw new BusinessException("error.setupCode");
        }
    }

    /**
     * Confirms, on a shared device, that the person at it owns {@code accountId}, with their PIN and nothing
     * else (never their password). The attempt counts against the person's own slow-down. Empty when the PIN was
     * wrong, the person has no PIN, or they must wait: the device is not told which. {@code device} names the
     * shared device (its holder): it gets a few tries at one person's PIN, then one per ten minutes.
     */
    public Optional<DeviceConfirmation> confirmPin(String accountId, String pin, String device) {
        String given = pin == null ? "" : pin.strip();
        if (tooManyFrom(accountId, device)) {
            hasher.verifyDecoy(given);
            return Optional.empty();
        }
        Optional<Reservation> reserved =
                given.isEmpty() || given.length() > 16 ? Optional.empty() : attempts.reserveById(accountId);
        Reservation account = reserved.filter(Reservation::allowed).orElse(null);
        if (account == null || account.pinHash() == null) {
            hasher.verifyDecoy(given);
            return Optional.empty();
        }
        if (!hasher.verify(given, account.pinHash())) {
            return Optional.empty();
        }
        attempts.succeeded(account.accountId());
        limits.succeeded(AttemptLimits.Kind.ACCOUNT_FROM_SOURCE, sourceKey(accountId, device));
        return Optional.of(DeviceConfirmation.of(account.accountId(), account.now()));
    }

    /**
     * Sets the signed-in person's PIN for shared devices, after they confirm with their password (a wrong one
     * counts like a failed sign-in). Returns the new credential generation: the caller's own session keeps
     * working, every other one ends.
     */
    public int choosePin(String username, String password, String pin, int sessionGeneration) {
        if (pin == null || !pin.matches("[0-9]{4,8}") || pin.chars().distinct().count() == 1) {
            throw new BusinessException("error.pin.format");
        }
        String given = password == null ? "" : password;
        Optional<Reservation> reserved =
                given.length() > PasswordHasher.MAX_LENGTH ? Optional.empty() : attempts.reserveByUsername(username);
        Reservation account = reserved.filter(Reservation::allowed).orElse(null);
        if (account == null || account.passwordHash() == null) {
            hasher.verifyDecoy(given);
            throw new BusinessException("error.pin.password");
        }
        if (!hasher.verify(given, account.passwordHash())) {
            throw new BusinessException("error.pin.password");
        }
        if (account.generation() != sessionGeneration) {
            // the access was reset since this session signed in: it is about to end, and sets nothing
            throw new BusinessException("error.pin.password");
        }
        return attempts.choosePin(account.accountId(), hasher.hash(pin), sessionGeneration);
    }

    private boolean tooManyFrom(String account, String source) {
        return limits.tryAttempt(AttemptLimits.Kind.ACCOUNT_FROM_SOURCE, sourceKey(account, source))
                .isPresent();
    }

    private static String sourceKey(String account, String source) {
        return (account == null ? "" : account.strip().toLowerCase(java.util.Locale.ROOT)) + " from " + source;
    }

    /** The generation of a signed-in account's credentials; empty when the account may no longer sign in. */
    public Optional<Integer> credentialGeneration(String username) {
        return attempts.generationOf(username);
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
}
