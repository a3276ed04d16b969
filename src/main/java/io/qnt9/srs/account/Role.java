package io.qnt9.srs.account;

import java.util.List;

/** What a user may do. Every account is a USER; an ADMIN may also import data and manage users. */
public enum Role {
    USER,
    ADMIN;

    /** The roles a user with this role holds: an admin is also a user. */
    public List<Role> granted() {
        return this == ADMIN ? List.of(USER, ADMIN) : List.of(USER);
    }
}
