/** HQ's webhooks page: endpoints, the events they get, and the delivery log with "send again". */
package org.charter.web.webhook;
