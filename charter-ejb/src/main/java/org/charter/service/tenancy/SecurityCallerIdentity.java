package org.charter.service.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

@ApplicationScoped
public class SecurityCallerIdentity implements CallerIdentity {

    @Inject
    SecurityContext securityContext;

    @Override
    public Optional<String> username() {
        Principal principal;
        try {
            principal = securityContext.getCallerPrincipal();
        } catch (IllegalStateException e) {
            // start-up and timer callbacks have no caller at all
            return Optional.empty();
        }
        // the EJB container names an unauthenticated caller ANONYMOUS; no account can have that name
        return Optional.ofNullable(principal)
                .map(Principal::getName)
                .filter(name -> !name.isBlank() && !"ANONYMOUS".equals(name));
    }
}
