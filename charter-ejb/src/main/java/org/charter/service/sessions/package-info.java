/**
 * Training sessions in a store: a manager plans them in the store's time zone, invites the people still open on
 * a version up to the session's seats, records who came, and hands a device round so that each person takes the
 * quiz and signs with their own PIN. Depends on the rollout (signing) and on the training material (the quiz),
 * never the other way round.
 */
package org.charter.service.sessions;
