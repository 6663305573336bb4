package org.charter.service.tenancy;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import org.charter.model.people.Role;

/** The account behind the current call, as read from the database at the start of the call. */
public record SignedIn(String accountId, String username, String franchiseId, Set<Role> roles) implements Serializable {

    public boolean hasAnyRole(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean isPlatformAdmin() {
        return franchiseId == null;
    }
}
