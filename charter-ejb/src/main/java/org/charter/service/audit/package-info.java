/**
 * The audit trail: written in the same transaction as the change it records; the database stamps the time,
 * chains the hashes and refuses updates and deletes.
 */
package org.charter.service.audit;
