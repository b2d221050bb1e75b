/**
 * Directive documents: the registry of resolutions, conclusions, directives, plans and the rest,
 * the official numbers read from any text ({@link org.mandate.document.ReferenceParser}), and the
 * graph of what implements, continues, amends, replaces or cites what.
 */
@org.jspecify.annotations.NullMarked
package org.mandate.document;
