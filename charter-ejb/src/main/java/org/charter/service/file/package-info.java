/**
 * A person's file as headquarters and their managers see it: who they are and where they work, what they
 * signed, their quiz tries, their excuses and the training sessions they were invited to. Reads across the
 * rollout, training and sessions packages; nothing depends on it.
 */
package org.charter.service.file;
