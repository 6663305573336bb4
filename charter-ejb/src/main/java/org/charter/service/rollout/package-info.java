/**
 * Rollout: a frozen version is assigned to every active person of every active store, each signs it, and the
 * version is published only when nobody is left open. Assignments are written set-wise in one statement; the
 * store x version roll-up is kept by the database in the same transaction as every change; publication locks
 * the version row so a hire or completion arriving at the same moment is counted before the gate decides.
 */
package org.charter.service.rollout;
