package org.mandate.access;

/**
 * What a grant allows within its units. Everyone reads within their scope; administrators and the
 * office (theo dõi, đôn đốc) change records there; leaders approve; reporters report on their
 * own unit's tasks (later modules); viewers only read.
 */
public enum Role {
    ADMIN("admin"),
    OFFICE("office"),
    LEADER("leader"),
    REPORTER("reporter"),
    VIEWER("viewer");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean changesRecords() {
        return this == ADMIN || this == OFFICE;
    }

    public static Role of(String code) {
        for (Role role : values()) {
            if (role.code.equals(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "Unknown role '" + code + "' (one of admin, office, leader, reporter, viewer)");
    }
}
