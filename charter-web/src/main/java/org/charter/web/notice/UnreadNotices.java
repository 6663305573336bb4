package org.charter.web.notice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.service.notice.NoticeService;
import org.charter.web.shell.CurrentUser;

/**
 * The unread count beside the inbox link in the header. It is kept in the session for {@link #FRESH_MILLIS}, so
 * most pages do not read it (a page view otherwise spends a transaction of its own on the badge); the inbox
 * forgets it whenever the person reads something there, and a new notice shows within that time. A page must
 * still render when the count cannot be read (the error and outage pages use the same header), so a failure
 * shows no count and keeps nothing.
 */
@Named("unread")
@RequestScoped
public class UnreadNotices {

    private static final Logger LOG = Logger.getLogger(UnreadNotices.class.getName());

    @Inject
    NoticeService notices;

    @Inject
    CurrentUser user;

    static final String ATTRIBUTE = "charter.unread";
    static final long FRESH_MILLIS = 30_000;

    /** The count and when it was read, as the session keeps it. */
    record Kept(long count, long readAtMillis) implements Serializable {}

    private Long count;

    public long getCount() {
        if (count == null) {
            count = 0L;
            if (user.isSignedIn() && !user.isPlatformAdmin()) {
                HttpSession session = session();
                long now = System.currentTimeMillis();
                if (session != null
                        && session.getAttribute(ATTRIBUTE) instanceof Kept kept
                        && now - kept.readAtMillis() < FRESH_MILLIS) {
                    count = kept.count();
                } else {
                    try {
                        count = notices.unreadCount();
                        if (session != null) {
                            session.setAttribute(ATTRIBUTE, new Kept(count, now));
                        }
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "Unread count not shown", e);
                    }
                }
            }
        }
        return count;
    }

    /** The inbox changed what is unread: the next page reads the count again. */
    public void forget() {
        count = null;
        HttpSession session = session();
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    private static HttpSession session() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null ? null : (HttpSession) faces.getExternalContext().getSession(false);
    }
}
