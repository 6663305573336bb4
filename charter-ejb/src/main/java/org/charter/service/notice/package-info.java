/**
 * Notices and their mail: the engine that writes each reminder once when it falls due (in the reader's zone, at
 * the franchise's hour, caught up once after downtime), the dispatchers that claim due mails as leases and send
 * them with a stable Message-ID, retries with capped back-off, and the inbox each person reads. Decisions and the
 * one window where a mail can go out twice: {@link org.charter.service.notice.MailDispatcher}; the rules and
 * their slots: {@link org.charter.service.notice.ReminderPlanner}.
 */
package org.charter.service.notice;
