package org.charter.service.sso;

import java.util.Set;
import org.charter.model.people.Role;

/**
 * How a single sign-on ended. {@link Result#REFUSED}: the provider vouched for someone who is not one of the
 * franchise's people who may sign in (or the answer did not check out); {@link Result#UNAVAILABLE}: the provider
 * could not be asked, or single sign-on is not set up; the person may try again or use their password.
 */
public record SsoOutcome(Result result, String username, Set<Role> roles, int generation) {

    public enum Result {
        SIGNED_IN,
        REFUSED,
        UNAVAILABLE
    }

    static SsoOutcome signedIn(String username, Set<Role> roles, int generation) {
        return new SsoOutcome(Result.SIGNED_IN, username, Set.copyOf(roles), generation);
    }

    static SsoOutcome refused() {
        return new SsoOutcome(Result.REFUSED, null, Set.of(), -1);
    }

    static SsoOutcome unavailable() {
        return new SsoOutcome(Result.UNAVAILABLE, null, Set.of(), -1);
    }
}
