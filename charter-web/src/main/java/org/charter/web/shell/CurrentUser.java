package org.charter.web.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.charter.model.people.Role;

/** Who is looking at the page, for the navigation: the roles decide which links show. */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public String getUsername() {
        Principal principal = securityContext.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    public boolean isPlatformAdmin() {
        return securityContext.isCallerInRole(Role.PLATFORM_ADMIN_NAME);
    }

    public boolean isHqAdmin() {
        return securityContext.isCallerInRole(Role.HQ_ADMIN_NAME);
    }

    public boolean isStoreManager() {
        return securityContext.isCallerInRole(Role.STORE_MANAGER_NAME);
    }

    public boolean isEmployee() {
        return securityContext.isCallerInRole(Role.EMPLOYEE_NAME);
    }
}
