/** The pages of training sessions: the store's list and calendar, one session with its seats, the invitation. */
package org.charter.web.sessions;
