/**
 * Training material for a frozen version: its text as people read it page by page in their language
 * ({@link org.charter.service.training.Readings}, kept once per version and language since frozen text never
 * changes), and the quiz in every language with its pass mark, checked before a rollout may start and previewed
 * as the people taking it will see it. Depends on no other feature's services: the rollout and the sessions use
 * it, never the other way round.
 */
package org.charter.service.training;
