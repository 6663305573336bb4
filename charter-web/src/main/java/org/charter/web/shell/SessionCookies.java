package org.charter.web.shell;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie's attributes, set by the product itself rather than left to the server's configuration:
 * HttpOnly, SameSite=Lax, and Secure whenever the public address is https ({@code charter.public.base-url}).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        if (SecurityHeaders.HTTPS) {
            cookie.setSecure(true);
        }
    }
}
