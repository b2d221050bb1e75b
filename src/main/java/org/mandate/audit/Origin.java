package org.mandate.audit;

/**
 * Where the current change comes from: the client address of a web request, {@code cli} for the
 * launcher's commands, {@code system} otherwise. Set per request by {@link OriginFilter}.
 */
public final class Origin {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Origin() {}

    public static String current() {
        String origin = CURRENT.get();
        return origin == null ? "system" : origin;
    }

    /** Sets the origin until the returned handle is closed, which restores the previous one. */
    public static Restore set(String origin) {
        String previous = CURRENT.get();
        CURRENT.set(origin);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Restores the previous origin; closing throws nothing. */
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
