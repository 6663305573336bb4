/**
 * Webhooks: HQ registers endpoints for events; an event writes one delivery per endpoint in the transaction that
 * made it happen, and the deliveries are sent, signed (HMAC-SHA256 over id, time and body, the Standard Webhooks
 * way), at least once, and retried with capped back-off like reminder mails, with a log HQ reads and "send again".
 */
package org.charter.service.webhook;
