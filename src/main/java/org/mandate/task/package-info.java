/**
 * Tasks: what a document or a working session assigns to a lead unit and its coordinating units,
 * by when; its decomposition down the hierarchy, progress reports, extensions, completion, and
 * its status computed as of any date.
 */
@org.jspecify.annotations.NullMarked
package org.mandate.task;
