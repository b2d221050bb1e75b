/**
 * Working sessions: who met whom, what was presented and proposed, and the concluding remarks,
 * which become, in one step, a notice of conclusions in the document registry and its tasks.
 */
@org.jspecify.annotations.NullMarked
package org.mandate.meeting;
