/** {@code /hq/review.xhtml}: the review of the charter in force, its due date, the two ways to record it, history. */
package org.charter.web.review;
