package org.mandate.indicator;

/** A congress term, such as 2020-2025. */
public record Term(long id, String code, int startYear, int endYear) {}
