/**
 * Rollout: a frozen version is assigned to every active person of every active store, each reads it, passes its
 * quiz and signs, and the version is published only when nobody is left open. Owns the assignment (its states and
 * the verbs that move them, {@link org.charter.model.rollout.Assignment}), the signature with its evidence (the
 * statement rendered here, the hash of the text shown, how the person confirmed, {@link
 * org.charter.service.rollout.Signatures}) and the publication gate. Assignments are written set-wise in one
 * statement; the store x version roll-up is kept by the database in the same transaction as every change;
 * publication locks the version row so a hire or completion arriving at the same moment is counted before the
 * gate decides. Uses the training material (the reading and the quiz); the sessions use it.
 */
package org.charter.service.rollout;
