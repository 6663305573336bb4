package org.charter.web.notice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.service.notice.NoticeService;
import org.charter.web.shell.CurrentUser;

/**
 * The unread count beside the inbox link in the header, read at most once per request. A page must still render
 * when the count cannot be read (the error and outage pages use the same header), so a failure shows no count.
 */
@Named("unread")
@RequestScoped
public class UnreadNotices {

    private static final Logger LOG = Logger.getLogger(UnreadNotices.class.getName());

    @Inject
    NoticeService notices;

    @Inject
    CurrentUser user;

    private Long count;

    public long getCount() {
        if (count == null) {
            count = 0L;
            if (user.isSignedIn() && !user.isPlatformAdmin()) {
                try {
                    count = notices.unreadCount();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Unread count not shown", e);
                }
            }
        }
        return count;
    }
}
