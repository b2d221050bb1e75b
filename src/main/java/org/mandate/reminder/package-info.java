/**
 * Reminders that reach people: the offices' mailboxes, a daily digest by email of what is due and
 * overdue per lead unit, escalation of long-overdue tasks to the office above, each mail recorded
 * before it is sent so that it goes out once; and an iCalendar feed of a unit's deadlines and
 * working sessions.
 */
@org.jspecify.annotations.NullMarked
package org.mandate.reminder;
