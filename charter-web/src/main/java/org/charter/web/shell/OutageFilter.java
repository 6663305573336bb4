package org.charter.web.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.service.database.DatabaseOutage;

/**
 * While the database is away, every page and servlet answers 503 with {@code Retry-After} and a short page in
 * the visitor's language ({@link OutagePage}) instead of the generic error page. Nothing is lost by it: the
 * failed request's transaction was rolled back, and the visitor is told to try again. The pool replaces its
 * connections by itself once the database is back ({@code micro/pool.asadmin}).
 */
@WebFilter(filterName = "outage", urlPatterns = "/*")
public class OutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OutageFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            LOG.log(Level.WARNING, "Database unavailable, answered 503: {0}", rootMessage(e));
            OutagePage.send(request, response);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
