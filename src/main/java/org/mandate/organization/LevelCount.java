package org.mandate.organization;

/** How many units of a level stood on a date. */
public record LevelCount(String level, long count) {}
