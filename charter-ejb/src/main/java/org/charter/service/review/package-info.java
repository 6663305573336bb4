/**
 * The review cycle of the charter in force: when the next review falls due (the franchise's interval after the
 * version's publication or its last review), recording a review as "no change" or opening a new draft from it,
 * and the history of reviews. The reminders of a coming or overdue review are written by the notice engine from
 * the same dates ({@code org.charter.service.notice.ReminderPlanner}).
 */
package org.charter.service.review;
