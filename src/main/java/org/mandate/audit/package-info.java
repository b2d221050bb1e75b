/**
 * The audit log: who changed what, when, from where, with the values before and after, written in
 * the transaction of the change and chained by hashes so that an altered or deleted entry is found.
 */
@org.jspecify.annotations.NullMarked
package org.mandate.audit;
