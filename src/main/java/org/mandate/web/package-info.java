/** App-wide web concerns: the shared page layout, language switching and errors as problem details. */
@org.jspecify.annotations.NullMarked
package org.mandate.web;
