/**
 * Customer feedback: the public form and status page ({@link FeedbackIntake}), the promises a complaint is measured
 * against ({@link Promises}), the store's handling of its cases ({@link CaseService}), corrective actions and
 * retraining ({@link CorrectiveService}) and headquarters' overview ({@link FeedbackOverview}). Deadline warnings,
 * breaches and the erasure of contact data run in the reminder engine ({@code service.notice}).
 */
package org.charter.service.feedback;
