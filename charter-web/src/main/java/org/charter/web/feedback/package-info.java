/**
 * Customer feedback on the web: the public form and status page (plain HTML, no script needed), the store's case
 * pages, headquarters' overview, and the employee's retraining.
 */
package org.charter.web.feedback;
