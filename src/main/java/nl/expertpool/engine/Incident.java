package nl.expertpool.engine;

import java.time.Instant;

/** An unresolved incident: something in an instance that needs a person to look at it. */
public record Incident(
    long key,
    long processInstanceKey,
    String bpmnProcessId,
    String elementId,
    long elementInstanceKey,
    long jobKey,
    String errorType,
    String errorMessage,
    Instant createdAt) {}
