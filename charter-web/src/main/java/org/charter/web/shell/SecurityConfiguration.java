package org.charter.web.shell;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.charter.model.people.Role;

/**
 * Form login through the Faces page {@code /login.xhtml}; credentials are checked by
 * {@code CharterIdentityStore}. Pages are protected by URL in web.xml, and every service checks roles again.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({Role.PLATFORM_ADMIN_NAME, Role.HQ_ADMIN_NAME, Role.STORE_MANAGER_NAME, Role.EMPLOYEE_NAME})
public class SecurityConfiguration {}
