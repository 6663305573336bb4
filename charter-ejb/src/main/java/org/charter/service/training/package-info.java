/**
 * Training material HQ prepares for a frozen version: the quiz in every language with its pass mark, checked
 * before a rollout may start, and previewed as the people taking it will see it.
 */
package org.charter.service.training;
