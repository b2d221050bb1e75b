/**
 * Who may do what, where: users, their scope in the hierarchy, sign-in, and the check that every
 * change of the registry lies within the actor's scope.
 */
@org.jspecify.annotations.NullMarked
package org.mandate.access;
