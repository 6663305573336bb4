package org.charter.model.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.charter.model.common.BusinessException;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final String FRANCHISE = "5b0f7c1e-7c53-4e36-9a2b-0c8c2b0d1a11";

    @Test
    void failuresBeyondTheFreeOnesMakeTheAccountWaitLongerEachTime() {
        Account account = new Account(FRANCHISE, "anna", Set.of(Role.EMPLOYEE));
        for (int i = 1; i < Account.FREE_ATTEMPTS; i++) {
            account.recordFailedSignIn(NOW);
            assertFalse(account.isLockedAt(NOW), "attempt " + i + " is still free");
        }
        account.recordFailedSignIn(NOW);
        assertEquals(NOW.plusSeconds(30), account.getLockedUntil());
        account.recordFailedSignIn(NOW);
        assertEquals(NOW.plusMinutes(1), account.getLockedUntil());
        for (int i = 0; i < 20; i++) {
            account.recordFailedSignIn(NOW);
        }
        assertEquals(NOW.plus(Duration.ofMinutes(15)), account.getLockedUntil(), "the wait never exceeds 15 minutes");
        assertFalse(account.isLockedAt(NOW.plusMinutes(15)));
    }

    @Test
    void failuresAreForgivenOverTimeSoNobodyStaysSlowedDownForGood() {
        Account account = new Account(FRANCHISE, "anna", Set.of(Role.EMPLOYEE));
        for (int i = 0; i < Account.FREE_ATTEMPTS; i++) {
            account.recordFailedSignIn(NOW);
        }
        assertTrue(account.isLockedAt(NOW));
        OffsetDateTime later = NOW.plus(Account.FORGIVE_EVERY.multipliedBy(2));
        assertEquals(Account.FREE_ATTEMPTS - 2, account.failuresCountingAt(later));
        assertTrue(account.reserveAttempt(later), "the wait is over and two failures are forgiven");
        assertFalse(account.isLockedAt(later), "one more failure is still a free one");
        // one wrong password every ten minutes never adds up
        Account steady = new Account(FRANCHISE, "bruno", Set.of(Role.EMPLOYEE));
        OffsetDateTime at = NOW;
        for (int i = 0; i < 50; i++, at = at.plus(Account.FORGIVE_EVERY)) {
            assertTrue(steady.reserveAttempt(at), "attempt " + i);
        }
        assertEquals(1, steady.getFailedAttempts());
    }

    @Test
    void aReservedAttemptIsRefusedWhileTheAccountWaits() {
        Account account = new Account(FRANCHISE, "anna", Set.of(Role.EMPLOYEE));
        int granted = 0;
        for (int i = 0; i < 20; i++) {
            if (account.reserveAttempt(NOW)) {
                granted++;
            }
        }
        assertEquals(Account.FREE_ATTEMPTS, granted, "a burst gets only the free checks");
        assertFalse(account.reserveAttempt(NOW.plusSeconds(29)));
        assertTrue(account.reserveAttempt(NOW.plusSeconds(30)));
    }

    @Test
    void changingCredentialsOrAccessEndsOlderSessions() {
        Account account = new Account(FRANCHISE, "anna", Set.of(Role.EMPLOYEE));
        int first = account.getCredentialGeneration();
        account.issueSetupCode("a".repeat(64), NOW.plusDays(1));
        int afterReset = account.getCredentialGeneration();
        assertTrue(afterReset > first);
        account.choosePassword("hash");
        account.grant(Set.of(Role.EMPLOYEE));
        int unchangedRoles = account.getCredentialGeneration();
        account.grant(Set.of(Role.EMPLOYEE, Role.STORE_MANAGER));
        assertTrue(account.getCredentialGeneration() > unchangedRoles, "new access, new generation");
        int beforeLeaving = account.getCredentialGeneration();
        account.deactivate();
        assertTrue(account.getCredentialGeneration() > beforeLeaving);
    }

    @Test
    void aSuccessfulSignInClearsTheCounter() {
        Account account = new Account(FRANCHISE, "anna", Set.of(Role.EMPLOYEE));
        for (int i = 0; i < Account.FREE_ATTEMPTS; i++) {
            account.recordFailedSignIn(NOW);
        }
        account.recordSignIn();
        assertEquals(0, account.getFailedAttempts());
        assertFalse(account.isLockedAt(NOW));
    }

    @Test
    void aSetupCodeWorksOnceAndOnlyUntilItExpires() {
        Account account = new Account(FRANCHISE, "anna", Set.of(Role.EMPLOYEE));
        account.issueSetupCode("abc", NOW.plusDays(14));
        assertTrue(account.setupCodeMatches("abc", NOW));
        assertFalse(account.setupCodeMatches("abd", NOW));
        assertFalse(account.setupCodeMatches("abc", NOW.plusDays(14)));
        account.choosePassword("hash");
        assertFalse(account.setupCodeMatches("abc", NOW), "a used code is gone");
        assertTrue(account.hasPassword());
    }

    @Test
    void usernamesAreNormalisedAndChecked() {
        assertEquals("anna.k", Account.normaliseUsername("  Anna.K "));
        assertThrows(BusinessException.class, () -> Account.normaliseUsername("a"));
        assertThrows(BusinessException.class, () -> Account.normaliseUsername("anna k"));
        assertThrows(BusinessException.class, () -> Account.normaliseUsername("ānna"));
        assertThrows(BusinessException.class, () -> Account.normaliseUsername("<script>"));
    }

    @Test
    void platformAdministratorsBelongToNoFranchiseAndOthersToOne() {
        assertThrows(IllegalArgumentException.class, () -> new Account(null, "anna", Set.of(Role.EMPLOYEE)));
        assertThrows(IllegalArgumentException.class, () -> new Account(FRANCHISE, "root", Set.of(Role.PLATFORM_ADMIN)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Account(null, "root", EnumSet.of(Role.PLATFORM_ADMIN, Role.HQ_ADMIN)));
        assertEquals(Set.of(Role.PLATFORM_ADMIN), new Account(null, "root", Set.of(Role.PLATFORM_ADMIN)).getRoles());
    }

    @Test
    void leavingStopsTheSignInButKeepsThePerson() {
        Account account = new Account(FRANCHISE, "anna", Set.of(Role.EMPLOYEE));
        Person person = new Person(account, "Anna Kalniņa", org.charter.model.franchise.Language.LV);
        person.leave(NOW.toLocalDate());
        assertEquals(PersonStatus.LEFT, person.getStatus());
        assertFalse(account.isActive());
        assertThrows(BusinessException.class, person::goOnLeave);
        person.rehire();
        assertTrue(account.isActive());
    }
}
