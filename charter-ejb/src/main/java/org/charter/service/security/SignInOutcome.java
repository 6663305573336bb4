package org.charter.service.security;

import java.time.Duration;
import java.util.Set;
import org.charter.model.people.Role;

/** What a sign-in attempt came to. {@code waitFor} is how long a slowed-down account must wait. */
public record SignInOutcome(Result result, Set<Role> roles, Duration waitFor) {

    public enum Result {
        SIGNED_IN,
        WRONG_CREDENTIALS,
        MUST_WAIT
    }

    static SignInOutcome signedIn(Set<Role> roles) {
        return new SignInOutcome(Result.SIGNED_IN, roles, Duration.ZERO);
    }

    static SignInOutcome wrong() {
        return new SignInOutcome(Result.WRONG_CREDENTIALS, Set.of(), Duration.ZERO);
    }

    /** The account must wait; shown to the person exactly like a wrong password. */
    static SignInOutcome mustWait() {
        return new SignInOutcome(Result.MUST_WAIT, Set.of(), Duration.ZERO);
    }
}
