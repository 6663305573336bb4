package org.charter.service.security;

import java.util.Set;
import org.charter.model.people.Role;

/** What a sign-in attempt came to; an account that must wait is told so exactly like a wrong password. */
public record SignInOutcome(Result result, Set<Role> roles) {

    public enum Result {
        SIGNED_IN,
        WRONG_CREDENTIALS,
        MUST_WAIT
    }

    static SignInOutcome signedIn(Set<Role> roles) {
        return new SignInOutcome(Result.SIGNED_IN, roles);
    }

    static SignInOutcome wrong() {
        return new SignInOutcome(Result.WRONG_CREDENTIALS, Set.of());
    }

    static SignInOutcome mustWait() {
        return new SignInOutcome(Result.MUST_WAIT, Set.of());
    }
}
