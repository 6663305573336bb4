/**
 * The rollout's pages: HQ's board and publication, a store's progress and excuses, and the employee's own
 * training page with its plain sign post ({@link org.charter.web.rollout.SignServlet}) and receipt.
 */
package org.charter.web.rollout;
