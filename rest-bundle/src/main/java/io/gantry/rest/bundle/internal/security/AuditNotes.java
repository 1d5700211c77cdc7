package io.gantry.rest.bundle.internal.security;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What a resource adds to its request's audit line: who, when the request had no caller yet (a
 * login names the user it tried), and a detail such as the id of what it created.
 */
public final class AuditNotes {
    static final String WHO = AuditNotes.class.getName() + ".who";
    static final String DETAIL = AuditNotes.class.getName() + ".detail";

    private AuditNotes() {}

    /**
     * @param request the request
     * @param who     who the audit line names
     */
    public static void who(ContainerRequestContext request, String who) {
        request.setProperty(WHO, who);
    }

    /**
     * @param request the request
     * @param detail  what the audit line adds
     */
    public static void detail(ContainerRequestContext request, String detail) {
        request.setProperty(DETAIL, detail);
    }
}
