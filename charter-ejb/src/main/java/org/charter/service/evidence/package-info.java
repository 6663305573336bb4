/**
 * Tamper evidence: the canonical encoding every evidence hash is made of, the checkpoints that chain each
 * franchise's signatures and quiz tries and seal its audit trail's head with an HMAC keyed outside the database,
 * and the check that recomputes all of it.
 */
package org.charter.service.evidence;
