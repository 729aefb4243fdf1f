package nl.expertpool.engine;

/** An active element of a process instance, e.g. a waiting user task or timer. */
public record ElementInstance(
    long key,
    long processInstanceKey,
    String bpmnProcessId,
    String elementId,
    String elementName,
    String elementType) {}
