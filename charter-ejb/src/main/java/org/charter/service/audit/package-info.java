/**
 * The audit trail: written in the same transaction as the change it records; the database stamps the time,
 * chains the hashes (the canonical record of org.charter.service.evidence from V7 on) and refuses updates and
 * deletes; the check recomputes the chain in the application and against the evidence checkpoints.
 */
package org.charter.service.audit;
