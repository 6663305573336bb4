/**
 * The inbox every person reads (with the unread count in the header), and headquarters' view of mail that did not
 * go out, with "send again" and the timings of reminders. The words of each notice come from the service layer's
 * notice bundle, in the reader's language at the time of reading.
 */
package org.charter.web.notice;
