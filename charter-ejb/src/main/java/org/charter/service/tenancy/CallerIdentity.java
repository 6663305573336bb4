package org.charter.service.tenancy;

import java.util.Optional;

/** The name the container authenticated for the current call, if any. */
public interface CallerIdentity {

    Optional<String> username();
}
