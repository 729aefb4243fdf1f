package nl.expertpool.audit;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEvent(
    Instant occurredAt, String actor, String action, String subject, String detail) {}
