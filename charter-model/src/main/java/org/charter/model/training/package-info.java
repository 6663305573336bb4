/**
 * Training on a charter version: the quiz HQ writes for each language before the rollout starts (and which no
 * longer changes afterwards), and the sessions store managers hold for their people.
 */
package org.charter.model.training;
