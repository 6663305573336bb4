package org.charter.web.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.charter.service.people.PeopleService;
import org.charter.service.security.SignInReceipt;

/**
 * What follows every successful sign-in, with a password or through single sign-on: the new session keeps the
 * generation of the credentials that were checked (a later reset ends it), the pages speak the person's own
 * language, and the person goes on to the page they asked for, or to their landing page.
 */
@RequestScoped
public class Arrival {

    @Inject
    SecurityContext securityContext;

    @Inject
    SignInReceipt receipt;

    @Inject
    PeopleService people;

    @Inject
    I18n i18n;

    /** Settles the signed-in session of {@code username}; returns where to send the person now. */
    public String arrive(HttpServletRequest request, String username) {
        SessionGuard.signedIn(request, receipt.generationOf(username.strip().toLowerCase(Locale.ROOT)));
        if (!securityContext.isCallerInRole("PLATFORM_ADMIN")) {
            i18n.use(people.myself().getLanguage());
        }
        return FormSignIn.continueTo(request);
    }
}
